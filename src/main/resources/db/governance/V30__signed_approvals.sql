-- Approvals are board members' SSHSIG signatures over a canonical statement; governance/board.yaml lists the
-- members' keys. A row here is only an index of signatures: runs check every signature against the register.
-- The free-text approver of approvals recorded before signatures is kept as history and counts for nothing.
ALTER TABLE trex_governance.approval ALTER COLUMN approver DROP NOT NULL;

-- A revocation is signed too, over its own statement; the revoke-only trigger lets this column be set only
-- in the one update that revokes.
ALTER TABLE trex_governance.approval ADD COLUMN revocation_signature text
    CHECK (revocation_signature LIKE '-----BEGIN SSH SIGNATURE-----%');

CREATE TABLE trex_governance.approval_signature (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    approval_id     bigint      NOT NULL REFERENCES trex_governance.approval (id),
    signature       text        NOT NULL CHECK (signature LIKE '-----BEGIN SSH SIGNATURE-----%'),
    key_fingerprint text        NOT NULL CHECK (key_fingerprint LIKE 'SHA256:%'),
    recorded_at     timestamptz NOT NULL,
    -- A key signs an approval once; the register gives each member one key.
    CONSTRAINT approval_signature_once UNIQUE (approval_id, key_fingerprint)
);

CREATE FUNCTION trex_governance.refuse_signature_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Cannot % trex_governance.approval_signature: signatures are append-only', lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER approval_signature_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON trex_governance.approval_signature
    FOR EACH STATEMENT EXECUTE FUNCTION trex_governance.refuse_signature_change();
