-- The board register this governance database trusts. The register beside a spec is only a copy: approving, signing
-- and running check that its SHA-256 is the adopted one's, so whoever can write a spec folder cannot list their own
-- keys. The first register seen is adopted on first use; each later one only on signatures by enough members of
-- the one it replaces, over a statement naming its SHA-256. The current register is the one nothing replaces.
CREATE TABLE trex_governance.board_register (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    -- The file's text exactly as read: its UTF-8 bytes are what the SHA-256 is of, and the members who may sign
    -- the next adoption are read from it.
    content     text        NOT NULL CHECK (encode(sha256(convert_to(content, 'UTF8')), 'hex') = sha256),
    adopted_at  timestamptz NOT NULL,
    adopted_by  text        NOT NULL CHECK (btrim(adopted_by) <> ''),
    -- Null for the register adopted on first use; a register is replaced at most once, so adoptions form one line.
    replaces    bigint      UNIQUE REFERENCES trex_governance.board_register (id),
    -- The armoured SSHSIG signatures of the adoption statement (none on first use).
    signatures  text[]      NOT NULL,
    CHECK ((replaces IS NULL) = (cardinality(signatures) = 0))
);
-- Only one register is ever adopted on first use.
CREATE UNIQUE INDEX board_register_first_use ON trex_governance.board_register ((replaces IS NULL))
    WHERE replaces IS NULL;

CREATE FUNCTION trex_governance.refuse_board_register_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Cannot % trex_governance.board_register: adoptions are append-only', lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER board_register_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON trex_governance.board_register
    FOR EACH STATEMENT EXECUTE FUNCTION trex_governance.refuse_board_register_change();
