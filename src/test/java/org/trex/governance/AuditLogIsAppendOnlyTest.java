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

class AuditLogIsAppendOnlyTest {
    private static DatabaseUrl url;

    @BeforeAll
    static void appendOne() {
        url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        new AuditLog(url).append("planner", AuditAction.PLAN, Optional.of("discharge-delays"), Optional.empty(),
                Map.of("plan_hash", "d".repeat(64)));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void refusesUpdate() {
        assertThatThrownBy(() -> execute("UPDATE trex_governance.audit_log SET actor = 'someone else'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Cannot update trex_governance.audit_log: the audit log is append-only");
    }

    @Test
    void refusesDelete() {
        assertThatThrownBy(() -> execute("DELETE FROM trex_governance.audit_log WHERE seq = 1"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Cannot delete trex_governance.audit_log: the audit log is append-only");
    }

    @Test
    void refusesTruncate() {
        assertThatThrownBy(() -> execute("TRUNCATE trex_governance.audit_log"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Cannot truncate trex_governance.audit_log: the audit log is append-only");
        assertThat(new AuditLog(url).list(Optional.empty())).hasSize(1);
    }
}
