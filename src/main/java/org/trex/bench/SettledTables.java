package org.trex.bench;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/**
 * Vacuums a freshly loaded bench database as a settled one is: else autovacuum's first pass over the fresh rows
 * (setting hint bits and the visibility map) lands in the middle of the timed steps, and costs them unequally.
 */
final class SettledTables {
    private SettledTables() {
    }

    static void settle(DatabaseUrl url) {
        requireNonNull(url, "url is null");
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE)");
        } catch (SQLException e) {
            throw new DatabaseException("Cannot vacuum the bench tables in " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
    }
}
