package org.trex.governance;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Typed jOOQ references to the governance tables (db/governance), written by hand because the
 * generated classes cover only the source schema.
 */
final class GovernanceTables {
    static final String SCHEMA = "trex_governance";

    static final Table<Record> APPROVAL = table(name(SCHEMA, "approval"));
    static final Field<Long> APPROVAL_ID = field(name("approval", "id"), SQLDataType.BIGINT);
    static final Field<String> APPROVAL_EXTRACT_ID = field(name("approval", "extract_id"), SQLDataType.CLOB);
    static final Field<Integer> APPROVAL_SPEC_VERSION = field(name("approval", "spec_version"), SQLDataType.INTEGER);
    static final Field<String> APPROVAL_PLAN_HASH = field(name("approval", "plan_hash"), SQLDataType.CLOB);
    static final Field<String> APPROVAL_APPROVER = field(name("approval", "approver"), SQLDataType.CLOB);
    static final Field<String> APPROVAL_REFERENCE = field(name("approval", "reference"), SQLDataType.CLOB);
    static final Field<OffsetDateTime> APPROVAL_APPROVED_AT =
            field(name("approval", "approved_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));
    static final Field<LocalDate> APPROVAL_EXPIRES_ON = field(name("approval", "expires_on"), SQLDataType.LOCALDATE);
    static final Field<String> APPROVAL_CONDITIONS = field(name("approval", "conditions"), SQLDataType.CLOB);
    static final Field<OffsetDateTime> APPROVAL_REVOKED_AT =
            field(name("approval", "revoked_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));
    static final Field<String> APPROVAL_REVOKED_BY = field(name("approval", "revoked_by"), SQLDataType.CLOB);
    static final Field<String> APPROVAL_REVOCATION_REASON =
            field(name("approval", "revocation_reason"), SQLDataType.CLOB);

    static final Table<Record> AUDIT_LOG = table(name(SCHEMA, "audit_log"));
    static final Field<Long> AUDIT_SEQ = field(name("audit_log", "seq"), SQLDataType.BIGINT);
    static final Field<OffsetDateTime> AUDIT_AT = field(name("audit_log", "at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));
    static final Field<String> AUDIT_ACTOR = field(name("audit_log", "actor"), SQLDataType.CLOB);
    static final Field<String> AUDIT_ACTION = field(name("audit_log", "action"), SQLDataType.CLOB);
    static final Field<String> AUDIT_EXTRACT_ID = field(name("audit_log", "extract_id"), SQLDataType.CLOB);
    static final Field<String> AUDIT_RUN_ID = field(name("audit_log", "run_id"), SQLDataType.CLOB);
    static final Field<JSONB> AUDIT_DETAILS = field(name("audit_log", "details"), SQLDataType.JSONB);
    static final Field<String> AUDIT_PREV_HASH = field(name("audit_log", "prev_hash"), SQLDataType.CLOB);
    static final Field<String> AUDIT_HASH = field(name("audit_log", "hash"), SQLDataType.CLOB);

    static final Table<Record> SCHEDULED_RUN = table(name(SCHEMA, "scheduled_run"));
    static final Field<String> RUN_EXTRACT_ID = field(name("scheduled_run", "extract_id"), SQLDataType.CLOB);
    static final Field<String> RUN_PERIOD_KEY = field(name("scheduled_run", "period_key"), SQLDataType.CLOB);
    static final Field<String> RUN_RUN_ID = field(name("scheduled_run", "run_id"), SQLDataType.CLOB);
    static final Field<String> RUN_SCHEDULER_RUN_ID =
            field(name("scheduled_run", "scheduler_run_id"), SQLDataType.CLOB);
    static final Field<String> RUN_STATUS = field(name("scheduled_run", "status"), SQLDataType.CLOB);
    static final Field<OffsetDateTime> RUN_STARTED_AT =
            field(name("scheduled_run", "started_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));
    static final Field<OffsetDateTime> RUN_FINISHED_AT =
            field(name("scheduled_run", "finished_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));
    static final Field<String> RUN_FAILURE = field(name("scheduled_run", "failure"), SQLDataType.CLOB);

    private GovernanceTables() {
    }
}
