package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** A run's lock on its run ID, held by its own database session: closing it (or the process dying) frees it. */
public final class RunLock implements AutoCloseable {
    /**
     * How long a session that answers nothing is given before it counts as lost: the check runs while the run holds
     * the audit log's lock, which every other appender waits for.
     */
    private static final int ANSWER_MILLIS = 10_000;

    private final Connection connection;
    private final String runId;

    RunLock(Connection connection, String runId) {
        this.connection = requireNonNull(connection, "connection is null");
        this.runId = Texts.requireText(runId, "run ID");
    }

    /**
     * Refuses unless the lock's session is alive and still holds it: a run whose session was lost (a network blip,
     * a pooler) can be recorded as abandoned by another process while it runs, so it must publish nothing.
     */
    public void requireHeld() {
        if (!held()) {
            throw new IllegalStateException("Cannot publish run " + runId + ": its governance session was lost and "
                    + "with it the lock on its run ID, so another process may record it as abandoned");
        }
    }

    private boolean held() {
        long key = LiveRuns.lockKey(runId);
        try {
            connection.setNetworkTimeout(Runnable::run, ANSWER_MILLIS);
            // pg_locks shows a bigint advisory key as two unsigned halves, with objsubid 1.
            return GovernanceDatabase.using(connection).fetchExists(
                    DSL.selectOne().from(DSL.table(DSL.name("pg_catalog", "pg_locks"))).where(DSL.condition(
                            "locktype = 'advisory' AND granted AND pid = pg_backend_pid() AND objsubid = 1 "
                            + "AND classid::bigint = {0} AND objid::bigint = {1}",
                            DSL.val(key >>> Integer.SIZE), DSL.val(key & 0xFFFF_FFFFL))));
        } catch (SQLException | DataAccessException e) {
            return false;
        }
    }

    @Override
    public void close() {
        LiveRuns.closeQuietly(connection);
    }
}
