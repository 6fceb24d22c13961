package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trex.cli.Workspace.Result;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditEntry;
import org.trex.governance.AuditLog;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.LiveRuns;
import org.trex.governance.RunLock;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * {@code trex audit} on a role that may only read the governance database (an IG officer's) still lists the log,
 * exit 0, and says which runs look abandoned but could not be recorded as such, rather than failing on the entries
 * it may not append; a role that may write then records them.
 */
class AuditOnAReadOnlyRoleListsTheLogTest {
    @Test
    void aReadOnlyAuditListsTheLogAndNamesTheAbandonedRunsItCannotRecord() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        AuditLog audit = new AuditLog(url);
        // A started run whose session ended without RUN_END, as a process killed with kill -9 leaves it.
        RunLock lock = new LiveRuns(url, Clock.systemUTC()).hold("discharge-delays", "run-dead");
        AuditEntry start = audit.append("tester", AuditAction.RUN_START, Optional.of("discharge-delays"),
                Optional.of("run-dead"), Map.of());
        lock.close();
        String role = "trex_reader_" + UUID.randomUUID().toString().replace("-", "");
        String database = url.jdbcUrl().replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
        sql(url, "CREATE ROLE " + role + " LOGIN PASSWORD 'reader'");
        try {
            sql(url, "GRANT CONNECT ON DATABASE " + database + " TO " + role);
            sql(url, "GRANT USAGE ON SCHEMA trex_governance TO " + role);
            sql(url, "GRANT SELECT ON ALL TABLES IN SCHEMA trex_governance TO " + role);

            Result listed = Workspace.trex("audit", "--database-url", TestDatabase.as(url, role, "reader").jdbcUrl());

            assertThat(listed.code()).as(listed.all()).isEqualTo(ExitCode.OK);
            assertThat(listed.out()).contains("Run run-dead of discharge-delays looks abandoned (started in audit "
                    + "entry " + start.seq() + ", with no end and no live process) but could not be recorded as such: "
                    + "read-only access to the governance database")
                    .contains(start.seq() + "\t", "\tRUN_START\t", "\trun=run-dead\t");
            assertThat(audit.list(AuditAction.RUN_ABANDONED)).as("nothing appended").isEmpty();

            Result recorded = Workspace.trex("audit", "--database-url", url.jdbcUrl());

            assertThat(recorded.out()).as(recorded.all()).contains("Recorded run run-dead of discharge-delays as "
                    + "abandoned").doesNotContain("could not be recorded");
        } finally {
            sql(url, "DROP OWNED BY " + role);
            sql(url, "DROP ROLE " + role);
        }
    }

    private static void sql(DatabaseUrl url, String statement) throws Exception {
        try (Connection connection = url.connect(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
