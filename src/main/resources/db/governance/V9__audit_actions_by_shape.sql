-- Audit actions are the Java enum AuditAction (issue 16 adds OPT_OUT_REQUEST and OPT_OUT_LOAD); the database
-- checks only their shape, so each issue that adds actions need not redefine one list. The constraint keeps its
-- name and this exact definition, so a later migration that replaces it the same way still applies.
ALTER TABLE trex_governance.audit_log DROP CONSTRAINT IF EXISTS audit_log_action_check;
ALTER TABLE trex_governance.audit_log ADD CONSTRAINT audit_log_action_check CHECK (action ~ '^[A-Z][A-Z_]*$');
