package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * The upgrade that gives each recorded load the council's LA code its rows were held to (V76) gives the loads recorded
 * before it the code their LOAD audit entry names, and none where it says none was set or says nothing; the record of
 * loads stays append-only, and only social care's can name a council.
 */
class LoadsRecordedBeforeTheCouncilCodeColumnKeepTheirCodeTest {
    @Test
    void eachLoadTakesTheCodeItsAuditEntryNames() {
        DatabaseUrl url = TestDatabase.fresh();
        TestDatabase.governanceAt(url, "75");
        recordLoad(url, 1, "social-care", "{\"councilCode\": \"E06000016\"}");
        recordLoad(url, 2, "social-care", "{\"councilCode\": \"" + SourceLoads.NOT_CHECKED + "\"}");
        recordLoad(url, 3, "social-care", "{}");
        recordLoad(url, 4, "hospital", "{}");

        GovernanceSchema.migrate(url);

        assertThat(Sql.strings(url, "SELECT audit_seq || ' ' || coalesce(council_code, 'none')"
                + " FROM trex_governance.source_load ORDER BY audit_seq"))
                .containsExactly("1 E06000016", "2 none", "3 none", "4 none");
        assertThatThrownBy(() -> Sql.execute(url, "UPDATE trex_governance.source_load SET council_code = 'E06000016'"))
                .hasMessageContaining("Cannot update source_load: the record of loads is append-only");
        assertThatThrownBy(() -> Sql.execute(url, "INSERT INTO trex_governance.source_load"
                + " (source, period, loaded_by, loaded_at, audit_seq, council_code)"
                + " VALUES ('hospital', 'all', 'loader', now(), 5, 'E06000016')"))
                .hasMessageContaining("source_load_council_code_is_social_cares");
    }

    /** A load recorded as a TREx before V76 recorded it: its LOAD entry (not chained: no one verifies it here). */
    private static void recordLoad(DatabaseUrl url, long seq, String source, String details) {
        Sql.execute(url, "INSERT INTO trex_governance.audit_log (seq, at, actor, action, details, prev_hash, hash)"
                + " VALUES (" + seq + ", now(), 'loader', 'LOAD', '" + details.replace("'", "''") + "', '"
                + "0".repeat(64) + "', '" + Long.toHexString(seq).repeat(64) + "')");
        Sql.execute(url, "INSERT INTO trex_governance.source_load (source, period, loaded_by, loaded_at, audit_seq)"
                + " VALUES ('" + source + "', 'all', 'loader', now(), " + seq + ")");
    }
}
