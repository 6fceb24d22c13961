package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.governance.GovernanceSchema;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;
import picocli.CommandLine;

class AuditCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int trex(String... args) {
        CommandLine commandLine = Trex.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void listsEntriesAndVerifiesTheChain() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        AuditLog log = new AuditLog(url);
        log.append("planner", AuditAction.PLAN, Optional.of("discharge-delays"), Optional.empty(),
                Map.of("plan_hash", "a".repeat(64)));
        log.append("runner", AuditAction.RUN_START, Optional.of("discharge-delays"), Optional.of("run-1"), Map.of());

        assertThat(trex("audit", "--verify", "--governance-url", url.jdbcUrl())).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("\tPLAN\tplanner\textract=discharge-delays\trun=-\t{\"plan_hash\":")
                .contains("\tRUN_START\trunner\textract=discharge-delays\trun=run-1\t{}")
                .contains("Audit chain intact");

        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE trex_governance.audit_log DISABLE TRIGGER audit_log_append_only");
            statement.execute("UPDATE trex_governance.audit_log SET actor = 'someone else' WHERE seq = 1");
            statement.execute("ALTER TABLE trex_governance.audit_log ENABLE TRIGGER audit_log_append_only");
        }

        assertThat(trex("audit", "--verify", "--since", "2000-01-01", "--governance-url", url.jdbcUrl()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("trex: Cannot verify the audit log: Audit entry 1 was edited")
                .contains("trex: Cannot verify the audit log: 1 problem found");
    }
}
