package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A superuser who deletes the newest entries, or deletes an entry and appends the rest again, leaves an intact
 * chain; an anchor noted outside the database before that still catches it.
 */
class AuditAnchorsCatchARewrittenLogTest {
    private static AuditLog logWithThreeEntries(DatabaseUrl url) {
        GovernanceSchema.migrate(url);
        AuditLog log = new AuditLog(url);
        log.append("board", AuditAction.APPROVE, Optional.of("x"), Optional.empty(), Map.of("reference", "IGB-1"));
        log.append("board", AuditAction.REVOKE, Optional.of("x"), Optional.empty(), Map.of("reference", "IGB-1"));
        log.append("runner", AuditAction.RUN_START, Optional.of("x"), Optional.of("run-1"), Map.of());
        return log;
    }

    private static void asSuperuser(DatabaseUrl url, String sql) throws SQLException {
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE trex_governance.audit_log DISABLE TRIGGER audit_log_append_only");
            statement.execute(sql);
            statement.execute("ALTER TABLE trex_governance.audit_log ENABLE TRIGGER audit_log_append_only");
        }
    }

    @Test
    void anAnchorCatchesARevocationErasedAndTheChainRebuilt() throws SQLException {
        DatabaseUrl url = TestDatabase.fresh();
        AuditLog log = logWithThreeEntries(url);
        AuditEntry head = log.head().orElseThrow();
        AuditAnchor anchor = new AuditAnchor(head.seq(), head.hash());

        asSuperuser(url, "DELETE FROM trex_governance.audit_log WHERE seq >= 2");
        log.append("runner", AuditAction.RUN_START, Optional.of("x"), Optional.of("run-1"), Map.of());
        log.append("runner", AuditAction.RUN_END, Optional.of("x"), Optional.of("run-1"), Map.of());

        assertThat(log.verify()).isEmpty();
        assertThat(log.verify(List.of(anchor))).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.REWRITTEN);
            assertThat(problem.message()).startsWith("Audit entry 3 is not the one anchored: it records ")
                    .endsWith(", anchored as " + head.hash() + "; the log was rewritten at or before it");
        });
    }

    @Test
    void anAnchorCatchesTheNewestEntriesCutBack() throws SQLException {
        DatabaseUrl url = TestDatabase.fresh();
        AuditLog log = logWithThreeEntries(url);
        AuditEntry head = log.head().orElseThrow();

        asSuperuser(url, "DELETE FROM trex_governance.audit_log WHERE seq = 3");

        assertThat(log.verify()).isEmpty();
        assertThat(log.verify(List.of(AuditAnchor.parse("3:" + head.hash())))).extracting(ChainProblem::message)
                .containsExactly("Audit entry 3, anchored as " + head.hash() + ", is gone: the log was cut back");
    }

    @Test
    void anAnchorOfAnUntouchedLogHolds() {
        AuditLog log = logWithThreeEntries(TestDatabase.fresh());
        AuditEntry second = log.list(Optional.empty()).get(1);

        assertThat(log.verify(List.of(AuditAnchor.parse(" 2 " + second.hash() + " ")))).isEmpty();
    }

    @Test
    void aMalformedAnchorIsNamed() {
        assertThatThrownBy(() -> AuditAnchor.parse("3 abc")).hasMessage("Cannot read the audit anchor '3 abc': "
                + "expected a sequence number and the entry's 64-hex hash, as trex audit --head prints them "
                + "(SEQ HASH or SEQ:HASH)");
    }
}
