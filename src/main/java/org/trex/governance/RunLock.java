package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;

/** A run's lock on its run ID, held by its own database session: closing it (or the process dying) frees it. */
public final class RunLock implements AutoCloseable {
    private final Connection connection;

    RunLock(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    @Override
    public void close() {
        LiveRuns.closeQuietly(connection);
    }
}
