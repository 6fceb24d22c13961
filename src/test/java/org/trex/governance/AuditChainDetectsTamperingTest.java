package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

class AuditChainDetectsTamperingTest {
    private static DatabaseUrl logWithFourEntries() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        AuditLog log = new AuditLog(url);
        log.append("planner", AuditAction.PLAN, Optional.of("discharge-delays"), Optional.empty(),
                Map.of("plan_hash", "e".repeat(64), "spec_version", 3));
        log.append("runner", AuditAction.RUN_START, Optional.of("discharge-delays"), Optional.of("run-1"),
                Map.of("as_of", "2025-06-01"));
        log.append("runner", AuditAction.RUN_END, Optional.of("discharge-delays"), Optional.of("run-1"),
                Map.of("outcome", "SUCCEEDED", "counts", Map.of("rows_in", 120, "rows_out", 117),
                        "ratio", 0.975, "manifest_sha256", "f".repeat(64)));
        log.append("verifier", AuditAction.VERIFY, Optional.of("discharge-delays"), Optional.of("run-1"),
                Map.of("at", Instant.parse("2025-06-02T09:00:00Z")));
        return url;
    }

    /** Tampering as a superuser would: switch the guard off, change the rows, switch it back on. */
    private static void tamper(DatabaseUrl url, String sql) throws SQLException {
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE trex_governance.audit_log DISABLE TRIGGER audit_log_append_only");
            statement.execute(sql);
            statement.execute("ALTER TABLE trex_governance.audit_log ENABLE TRIGGER audit_log_append_only");
        }
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditLog log = new AuditLog(logWithFourEntries());

        List<AuditEntry> entries = log.list(Optional.empty());

        assertThat(log.verify()).isEmpty();
        assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(entries.get(0).prevHash()).isEqualTo(AuditLog.GENESIS_HASH);
        assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(2).details()).isEqualTo("{\"counts\":{\"rows_in\":120,\"rows_out\":117},"
                + "\"manifest_sha256\":\"" + "f".repeat(64) + "\",\"outcome\":\"SUCCEEDED\",\"ratio\":0.975}");
    }

    @Test
    void catchesAnEditedEntry() throws SQLException {
        DatabaseUrl url = logWithFourEntries();
        AuditLog log = new AuditLog(url);

        tamper(url, "UPDATE trex_governance.audit_log SET details = jsonb_set(details, '{counts,rows_out}', '120')"
                + " WHERE seq = 3");

        assertThat(log.verify())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.seq()).isEqualTo(3);
                    assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.EDITED);
                    assertThat(problem.message()).startsWith("Audit entry 3 was edited: its contents hash to ");
                });
    }

    @Test
    void catchesADeletedEntry() throws SQLException {
        DatabaseUrl url = logWithFourEntries();
        AuditLog log = new AuditLog(url);

        tamper(url, "DELETE FROM trex_governance.audit_log WHERE seq = 2");

        assertThat(log.verify())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.seq()).isEqualTo(3);
                    assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.DELETED);
                    assertThat(problem.message()).isEqualTo("Audit entry 2 is missing before entry 3: it was deleted");
                });
    }

    @Test
    void catchesADeletionHiddenByRenumbering() throws SQLException {
        DatabaseUrl url = logWithFourEntries();
        AuditLog log = new AuditLog(url);

        tamper(url, "DELETE FROM trex_governance.audit_log WHERE seq = 2;"
                + " UPDATE trex_governance.audit_log SET seq = seq - 1 WHERE seq > 2");

        assertThat(log.verify())
                .extracting(ChainProblem::seq, ChainProblem::kind)
                .contains(tuple(2L, ChainProblem.Kind.DELETED),
                        tuple(2L, ChainProblem.Kind.EDITED));
    }
}
