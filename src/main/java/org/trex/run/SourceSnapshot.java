package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/**
 * One exported PostgreSQL snapshot, held open while an output is read, so that every read partition (and a
 * second read, if Spark makes one) sees the same rows however the source changes meanwhile.
 */
final class SourceSnapshot implements AutoCloseable {
    private final Connection connection;
    private final String id;

    private SourceSnapshot(Connection connection, String id) {
        this.connection = connection;
        this.id = id;
    }

    static SourceSnapshot export(DatabaseUrl database) {
        requireNonNull(database, "database is null");
        Connection connection = null;
        try {
            connection = database.connect();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                try (ResultSet rows = statement.executeQuery("SELECT pg_export_snapshot()")) {
                    rows.next();
                    return new SourceSnapshot(connection, rows.getString(1));
                }
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseException("Cannot export a snapshot of " + database.redacted() + " to read from: "
                    + DatabaseUrl.safeMessage(e), e);
        }
    }

    String id() {
        return id;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            // The snapshot only ever read; closing the session ends it whatever the error.
        }
    }
}
