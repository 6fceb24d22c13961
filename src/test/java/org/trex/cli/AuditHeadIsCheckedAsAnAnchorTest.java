package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.governance.GovernanceSchema;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;
import picocli.CommandLine;

/** What {@code trex audit --head} prints, kept in a file, is what {@code --anchors} checks the log against. */
class AuditHeadIsCheckedAsAnAnchorTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path folder;

    private int trex(String... args) {
        CommandLine commandLine = Trex.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void theHeadKeptOutsideCatchesTheLogCutBack() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        AuditLog log = new AuditLog(url);
        log.append("board", AuditAction.APPROVE, Optional.of("x"), Optional.empty(), Map.of());
        log.append("board", AuditAction.REVOKE, Optional.of("x"), Optional.empty(), Map.of());

        assertThat(trex("audit", "--head", "--governance-url", url.jdbcUrl())).isEqualTo(ExitCode.OK);
        String head = out.toString().strip();
        assertThat(head).matches("2 [0-9a-f]{64}");
        Path anchors = Files.writeString(folder.resolve("anchors.txt"), "# noted at the board meeting\n" + head + "\n");
        assertThat(trex("audit", "--anchors", anchors.toString(), "--governance-url", url.jdbcUrl()))
                .isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Audit chain intact: every entry matches its hash and links to the one "
                + "before it; 1 anchor found unchanged");

        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE trex_governance.audit_log DISABLE TRIGGER audit_log_append_only");
            statement.execute("DELETE FROM trex_governance.audit_log WHERE seq = 2");
            statement.execute("ALTER TABLE trex_governance.audit_log ENABLE TRIGGER audit_log_append_only");
        }

        assertThat(trex("audit", "--anchors", anchors.toString(), "--governance-url", url.jdbcUrl()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("trex: Cannot verify the audit log: Audit entry 2, anchored as "
                + head.substring(2) + ", is gone: the log was cut back")
                .contains("trex: Cannot verify the audit log: 1 problem found");
    }

    @Test
    void aMalformedAnchorLineIsNamedByFileAndLine() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path anchors = Files.writeString(folder.resolve("anchors.txt"), "2 " + "a".repeat(64) + "\nnot an anchor\n");

        assertThat(trex("audit", "--anchors", anchors.toString(), "--governance-url", url.jdbcUrl()))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString())
                .contains("anchors.txt at line 2: Cannot read the audit anchor 'not an anchor': expected");
    }
}
