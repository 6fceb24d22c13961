-- Governance records: board approvals by plan hash, the hash-chained audit log, scheduled runs.

CREATE TABLE trex_governance.approval (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    extract_id        text        NOT NULL,
    spec_version      integer     NOT NULL CHECK (spec_version >= 1),
    plan_hash         text        NOT NULL CHECK (plan_hash ~ '^[0-9a-f]{64}$'),
    approver          text        NOT NULL CHECK (btrim(approver) <> ''),
    reference         text        NOT NULL CHECK (btrim(reference) <> ''),
    approved_at       timestamptz NOT NULL,
    expires_on        date,
    conditions        text,
    revoked_at        timestamptz,
    revoked_by        text,
    revocation_reason text,
    -- A board reference names one decision; revoking by reference must find exactly one row.
    CONSTRAINT approval_reference_unique UNIQUE (extract_id, reference),
    CONSTRAINT approval_revocation_complete CHECK (
        (revoked_at IS NULL AND revoked_by IS NULL AND revocation_reason IS NULL)
        OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revocation_reason IS NOT NULL))
);
CREATE INDEX approval_extract ON trex_governance.approval (extract_id, approved_at);

-- A decision is history: the only change allowed is revoking it, once.
CREATE FUNCTION trex_governance.refuse_approval_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND OLD.revoked_at IS NULL
       AND NEW.revoked_at IS NOT NULL
       AND (NEW.id, NEW.extract_id, NEW.spec_version, NEW.plan_hash, NEW.approver, NEW.reference,
            NEW.approved_at, NEW.expires_on, NEW.conditions)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.extract_id, OLD.spec_version, OLD.plan_hash, OLD.approver, OLD.reference,
            OLD.approved_at, OLD.expires_on, OLD.conditions) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Cannot % trex_governance.approval: an approval can only be revoked, once', lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER approval_revoke_only
    BEFORE UPDATE OR DELETE ON trex_governance.approval
    FOR EACH ROW EXECUTE FUNCTION trex_governance.refuse_approval_change();
CREATE TRIGGER approval_no_truncate
    BEFORE TRUNCATE ON trex_governance.approval
    FOR EACH STATEMENT EXECUTE FUNCTION trex_governance.refuse_approval_change();

-- seq is assigned as max + 1 under an exclusive lock, not from a sequence: a sequence leaves gaps when
-- a transaction rolls back, and a gap must mean only one thing here, a deleted entry.
CREATE TABLE trex_governance.audit_log (
    seq        bigint      PRIMARY KEY CHECK (seq >= 1),
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    action     text        NOT NULL
        CHECK (action IN ('PLAN', 'APPROVE', 'REVOKE', 'RUN_START', 'RUN_END', 'VERIFY')),
    extract_id text,
    run_id     text,
    details    jsonb       NOT NULL,
    prev_hash  text        NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash       text        NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_log_at ON trex_governance.audit_log (at);

CREATE FUNCTION trex_governance.refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Cannot % trex_governance.audit_log: the audit log is append-only', lower(TG_OP)
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
-- Statement-level, so even an UPDATE or DELETE matching no row is refused loudly.
CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON trex_governance.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION trex_governance.refuse_audit_change();

CREATE TABLE trex_governance.scheduled_run (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    extract_id       text        NOT NULL,
    period_key       text        NOT NULL,
    run_id           text        NOT NULL UNIQUE,
    scheduler_run_id text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('STARTED', 'SUCCEEDED', 'FAILED')),
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    failure          text,
    CHECK ((status = 'STARTED') = (finished_at IS NULL))
);
-- A period may fail and be rerun, but it succeeds at most once.
CREATE UNIQUE INDEX scheduled_run_one_success
    ON trex_governance.scheduled_run (extract_id, period_key) WHERE status = 'SUCCEEDED';
CREATE INDEX scheduled_run_period ON trex_governance.scheduled_run (extract_id, period_key);
