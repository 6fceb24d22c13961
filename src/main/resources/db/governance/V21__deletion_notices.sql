-- Deletion notices: what a TRE must delete from a released extract after someone objected, by when, and
-- who said it was done. One person is named on at most one notice per release, so issuing again adds none.

CREATE TABLE trex_governance.deletion_notice (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    release_id  bigint      NOT NULL REFERENCES trex_governance.release,
    issued_at   timestamptz NOT NULL,
    as_of       date        NOT NULL,
    due_on      date        NOT NULL,
    done_at     timestamptz,
    done_by     text,
    CHECK ((done_at IS NULL) = (done_by IS NULL)),
    CHECK (done_by IS NULL OR btrim(done_by) <> '')
);
CREATE INDEX deletion_notice_release ON trex_governance.deletion_notice (release_id);

CREATE TABLE trex_governance.deletion_notice_person (
    notice_id   bigint NOT NULL REFERENCES trex_governance.deletion_notice,
    release_id  bigint NOT NULL REFERENCES trex_governance.release,
    pseudonym   text   NOT NULL CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
    -- What made them an objector (local-objection, national-opt-out); never who they are.
    source      text   NOT NULL,
    PRIMARY KEY (release_id, pseudonym)
);
CREATE INDEX deletion_notice_person_notice ON trex_governance.deletion_notice_person (notice_id);

-- Notices are history: the only change allowed is marking one done, once.
CREATE FUNCTION trex_governance.refuse_notice_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND OLD.done_at IS NULL
       AND NEW.done_at IS NOT NULL
       AND (NEW.id, NEW.release_id, NEW.issued_at, NEW.as_of, NEW.due_on)
           IS NOT DISTINCT FROM (OLD.id, OLD.release_id, OLD.issued_at, OLD.as_of, OLD.due_on) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Cannot % trex_governance.deletion_notice: a notice can only be marked done, once', lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER deletion_notice_done_only
    BEFORE UPDATE OR DELETE ON trex_governance.deletion_notice
    FOR EACH ROW EXECUTE FUNCTION trex_governance.refuse_notice_change();

-- Audit actions are the Java enum AuditAction; the database only checks their shape, so each issue that adds
-- actions need not redefine one list (AuditActionsAreAllStorableTest checks every action can be stored).
ALTER TABLE trex_governance.audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE trex_governance.audit_log ADD CONSTRAINT audit_log_action_check CHECK (action ~ '^[A-Z][A-Z_]*$');
