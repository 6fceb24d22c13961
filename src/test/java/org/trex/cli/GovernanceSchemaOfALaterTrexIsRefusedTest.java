package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trex.cli.Workspace.Result;
import org.trex.governance.GovernanceSchema;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A governance database a later TREx migrated is refused (exit 2, both versions named) rather than written to by
 * this one: Flyway on its own carries on past versions it does not know.
 */
class GovernanceSchemaOfALaterTrexIsRefusedTest {
    private static final String HISTORY = "trex_governance.trex_governance_schema_history";

    @Test
    void auditSaysALaterTrexMigratedIt() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        String latest = Sql.strings(url, "SELECT version FROM " + HISTORY
                + " WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1").get(0);
        Sql.execute(url, "INSERT INTO " + HISTORY + " (installed_rank, "
                + "version, description, type, script, installed_by, execution_time, success) SELECT "
                + "max(installed_rank) + 1, '9999', 'later', 'SQL', 'V9999__later.sql', 'trex', 0, true FROM "
                + HISTORY);
        long entries = Sql.count(url, "SELECT count(*) FROM trex_governance.audit_log");

        Result audit = Workspace.trex("audit", "--database-url", url.jdbcUrl());

        assertThat(audit.code()).as(audit.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(audit.err()).contains("trex: Cannot migrate governance schema: the governance schema in "
                + url.redacted() + " is at version 9999, newer than this TREx's " + latest
                + ": a later TREx migrated it; use that TREx or a later one");
        assertThat(Sql.count(url, "SELECT count(*) FROM trex_governance.audit_log")).isEqualTo(entries);
    }
}
