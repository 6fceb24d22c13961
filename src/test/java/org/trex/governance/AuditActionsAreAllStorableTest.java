package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * Every {@link AuditAction} can be written to the audit log: the database checks only the shape of an action's
 * name (V21), so an action added to the enum whose name broke that shape would fail only when first recorded.
 */
class AuditActionsAreAllStorableTest {
    private static DatabaseUrl url;

    @BeforeAll
    static void migrate() {
        url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
    }

    @Test
    void everyActionIsStoredAndReadBack() {
        AuditLog log = new AuditLog(url);

        for (AuditAction action : AuditAction.values()) {
            log.append("tester", action, Optional.of("discharge-delays"), Optional.empty(), Map.of("n", 1));
        }

        assertThat(log.list(Optional.empty())).extracting(AuditEntry::action).containsExactly(AuditAction.values());
        assertThat(log.verify()).isEmpty();
    }

    @Test
    void theDatabaseRefusesAnActionOfAnotherShape() {
        assertThatThrownBy(() -> {
            try (Connection c = url.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO trex_governance.audit_log (seq, at, actor, action, details, prev_hash, hash)"
                        + " VALUES (1000, now(), 'tester', 'plan', '{}', repeat('0', 64), repeat('1', 64))");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("audit_log_action_check");
    }
}
