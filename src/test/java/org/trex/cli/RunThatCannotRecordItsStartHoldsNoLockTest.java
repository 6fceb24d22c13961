package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A run whose RUN_START cannot be written did not start, and lets go of its run ID's lock at once: a {@code --due}
 * pass that goes on to other extracts in the same JVM must not keep a session, and a lock, for it.
 */
class RunThatCannotRecordItsStartHoldsNoLockTest {
    @TempDir
    Path root;

    @Test
    void theLockIsFreedWhenTheStartCannotBeRecorded() throws SQLException {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 500, 29);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-NOSTART").code()).isEqualTo(ExitCode.OK);
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            // The governance database refusing this one insert, as one that went away between the lock and RUN_START.
            statement.execute("CREATE FUNCTION refuse_start() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'no start today'; END $$");
            statement.execute("CREATE TRIGGER refuse_start BEFORE INSERT ON trex_governance.audit_log FOR EACH ROW "
                    + "WHEN (NEW.action = 'RUN_START') EXECUTE FUNCTION refuse_start()");
        }

        Result run = workspace.run("--run-id", "6d1f0c2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f");

        assertThat(run.code()).as(run.all()).isNotEqualTo(ExitCode.OK);
        assertThat(run.err()).contains("no start today");
        assertThat(new AuditLog(url).list(AuditAction.RUN_START)).isEmpty();
        assertThat(advisoryLocks(url)).as("advisory locks held in the run's database").isZero();
        assertThat(new AuditLog(url).list(Optional.empty())).extracting(e -> e.action())
                .doesNotContain(AuditAction.RUN_ABANDONED);
    }

    private static long advisoryLocks(DatabaseUrl url) throws SQLException {
        try (Connection connection = url.connect(); Statement statement = connection.createStatement();
                ResultSet locks = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            locks.next();
            return locks.getLong(1);
        }
    }
}
