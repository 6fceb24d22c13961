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
    static final Field<String> APPROVAL_REVOCATION_SIGNATURE =
            field(name("approval", "revocation_signature"), SQLDataType.CLOB);

    static final Table<Record> APPROVAL_SIGNATURE = table(name(SCHEMA, "approval_signature"));
    static final Field<Long> SIGNATURE_ID = field(name("approval_signature", "id"), SQLDataType.BIGINT);
    static final Field<Long> SIGNATURE_APPROVAL_ID =
            field(name("approval_signature", "approval_id"), SQLDataType.BIGINT);
    static final Field<String> SIGNATURE_TEXT = field(name("approval_signature", "signature"), SQLDataType.CLOB);
    static final Field<String> SIGNATURE_KEY_FINGERPRINT =
            field(name("approval_signature", "key_fingerprint"), SQLDataType.CLOB);
    static final Field<OffsetDateTime> SIGNATURE_RECORDED_AT =
            field(name("approval_signature", "recorded_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));

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

    static final Table<Record> RELEASE = table(name(SCHEMA, "release"));
    static final Field<Long> RELEASE_ID = field(name("release", "id"), SQLDataType.BIGINT);
    static final Field<String> RELEASE_EXTRACT_ID = field(name("release", "extract_id"), SQLDataType.CLOB);
    static final Field<String> RELEASE_RUN_ID = field(name("release", "run_id"), SQLDataType.CLOB);
    static final Field<Integer> RELEASE_SPEC_VERSION = field(name("release", "spec_version"), SQLDataType.INTEGER);
    static final Field<String> RELEASE_PROJECT = field(name("release", "project"), SQLDataType.CLOB);
    static final Field<String> RELEASE_KEY_ID = field(name("release", "key_id"), SQLDataType.CLOB);
    static final Field<String> RELEASE_KEY_FILE = field(name("release", "key_file"), SQLDataType.CLOB);
    static final Field<LocalDate> RELEASE_AS_OF = field(name("release", "as_of"), SQLDataType.LOCALDATE);
    static final Field<String> RELEASE_NATIONAL_DATA_OPT_OUT =
            field(name("release", "national_data_opt_out"), SQLDataType.CLOB);
    static final Field<Integer> RELEASE_DELETION_DAYS = field(name("release", "deletion_days"), SQLDataType.INTEGER);
    static final Field<String> RELEASE_EXTRACT_PATH = field(name("release", "extract_path"), SQLDataType.CLOB);
    static final Field<OffsetDateTime> RELEASE_RELEASED_AT =
            field(name("release", "released_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));

    static final Table<Record> RELEASE_OUTPUT = table(name(SCHEMA, "release_output"));
    static final Field<Long> OUTPUT_ID = field(name("release_output", "id"), SQLDataType.BIGINT);
    static final Field<Long> OUTPUT_RELEASE_ID = field(name("release_output", "release_id"), SQLDataType.BIGINT);
    static final Field<String> OUTPUT_NAME = field(name("release_output", "name"), SQLDataType.CLOB);
    static final Field<String> OUTPUT_KIND = field(name("release_output", "kind"), SQLDataType.CLOB);
    static final Field<String> OUTPUT_PERSON_COLUMN = field(name("release_output", "person_column"), SQLDataType.CLOB);
    static final Field<Long> OUTPUT_ROWS = field(name("release_output", "rows"), SQLDataType.BIGINT);
    static final Field<Long> OUTPUT_PEOPLE_OF = field(name("release_output", "people_of"), SQLDataType.BIGINT);

    static final Table<Record> RELEASE_PERSON = table(name(SCHEMA, "release_person"));
    static final Field<byte[]> PERSON_PSEUDONYM = field(name("release_person", "pseudonym"), SQLDataType.BLOB);
    static final Field<Long> PERSON_OUTPUT_ID = field(name("release_person", "output_id"), SQLDataType.BIGINT);
    static final Field<Long> PERSON_ROWS = field(name("release_person", "rows"), SQLDataType.BIGINT);

    static final Table<Record> NOTICE = table(name(SCHEMA, "deletion_notice"));
    static final Field<Long> NOTICE_ID = field(name("deletion_notice", "id"), SQLDataType.BIGINT);
    static final Field<Long> NOTICE_RELEASE_ID = field(name("deletion_notice", "release_id"), SQLDataType.BIGINT);
    static final Field<OffsetDateTime> NOTICE_ISSUED_AT =
            field(name("deletion_notice", "issued_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));
    static final Field<LocalDate> NOTICE_AS_OF = field(name("deletion_notice", "as_of"), SQLDataType.LOCALDATE);
    static final Field<LocalDate> NOTICE_DUE_ON = field(name("deletion_notice", "due_on"), SQLDataType.LOCALDATE);
    static final Field<OffsetDateTime> NOTICE_DONE_AT =
            field(name("deletion_notice", "done_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));
    static final Field<String> NOTICE_DONE_BY = field(name("deletion_notice", "done_by"), SQLDataType.CLOB);
    static final Field<String[]> NOTICE_CHECKED_COPIES =
            field(name("deletion_notice", "checked_copies"), SQLDataType.CLOB.array());

    static final Table<Record> NOTICE_PERSON = table(name(SCHEMA, "deletion_notice_person"));
    static final Field<Long> NOTICE_PERSON_NOTICE_ID =
            field(name("deletion_notice_person", "notice_id"), SQLDataType.BIGINT);
    static final Field<Long> NOTICE_PERSON_RELEASE_ID =
            field(name("deletion_notice_person", "release_id"), SQLDataType.BIGINT);
    static final Field<String> NOTICE_PERSON_PSEUDONYM =
            field(name("deletion_notice_person", "pseudonym"), SQLDataType.CLOB);
    static final Field<String> NOTICE_PERSON_SOURCE = field(name("deletion_notice_person", "source"), SQLDataType.CLOB);
    static final Table<Record> RELEASED_CELL = table(name(SCHEMA, "released_cell"));
    static final Field<Long> CELL_ID = field(name("released_cell", "id"), SQLDataType.BIGINT);
    static final Field<String> CELL_EXTRACT_ID = field(name("released_cell", "extract_id"), SQLDataType.CLOB);
    static final Field<Integer> CELL_SPEC_VERSION = field(name("released_cell", "spec_version"), SQLDataType.INTEGER);
    static final Field<String> CELL_RUN_ID = field(name("released_cell", "run_id"), SQLDataType.CLOB);
    static final Field<LocalDate> CELL_AS_OF = field(name("released_cell", "as_of"), SQLDataType.LOCALDATE);
    static final Field<String> CELL_OUTPUT = field(name("released_cell", "output"), SQLDataType.CLOB);
    static final Field<String> CELL_MEASURE = field(name("released_cell", "measure"), SQLDataType.CLOB);
    static final Field<JSONB> CELL_DIMENSIONS = field(name("released_cell", "dimensions"), SQLDataType.JSONB);
    static final Field<Long> CELL_VALUE = field(name("released_cell", "value"), SQLDataType.BIGINT);
    static final Field<Long> CELL_RELEASED = field(name("released_cell", "released"), SQLDataType.BIGINT);
    static final Field<String> CELL_STATUS = field(name("released_cell", "status"), SQLDataType.CLOB);

    static final Table<Record> BOARD_REGISTER = table(name(SCHEMA, "board_register"));
    static final Field<Long> BOARD_ID = field(name("board_register", "id"), SQLDataType.BIGINT);
    static final Field<String> BOARD_SHA256 = field(name("board_register", "sha256"), SQLDataType.CLOB);
    static final Field<String> BOARD_CONTENT = field(name("board_register", "content"), SQLDataType.CLOB);
    static final Field<OffsetDateTime> BOARD_ADOPTED_AT =
            field(name("board_register", "adopted_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));
    static final Field<String> BOARD_ADOPTED_BY = field(name("board_register", "adopted_by"), SQLDataType.CLOB);
    static final Field<Long> BOARD_REPLACES = field(name("board_register", "replaces"), SQLDataType.BIGINT);
    static final Field<String[]> BOARD_SIGNATURES =
            field(name("board_register", "signatures"), SQLDataType.CLOB.array());

    static final Table<Record> PROJECT_KEY = table(name(SCHEMA, "project_key"));
    static final Field<String> KEY_PROJECT = field(name("project_key", "project"), SQLDataType.CLOB);
    static final Field<String> KEY_NAME = field(name("project_key", "key_name"), SQLDataType.CLOB);
    static final Field<String> KEY_ID = field(name("project_key", "key_id"), SQLDataType.CLOB);
    static final Field<String> KEY_EXTRACT_ID = field(name("project_key", "extract_id"), SQLDataType.CLOB);
    static final Field<String> KEY_RUN_ID = field(name("project_key", "run_id"), SQLDataType.CLOB);
    static final Field<OffsetDateTime> KEY_FIRST_USED =
            field(name("project_key", "first_used"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));

    static final Table<Record> KEY_OWNER = table(name(SCHEMA, "key_owner"));
    static final Field<String> OWNER_KEY_ID = field(name("key_owner", "key_id"), SQLDataType.CLOB);
    static final Field<String> OWNER_PROJECT = field(name("key_owner", "project"), SQLDataType.CLOB);

    private GovernanceTables() {
    }
}
