package org.trex.governance;

import static java.util.Objects.requireNonNull;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/** The governance schema's Flyway migrations: approvals, the audit log and scheduled runs. */
public final class GovernanceSchema {
    /** Where the migrations live on the classpath. */
    public static final String LOCATION = "classpath:db/governance";
    /** Flyway's history table for the governance schema, kept apart from the source schema's. */
    public static final String HISTORY_TABLE = "trex_governance_schema_history";

    private GovernanceSchema() {
    }

    /**
     * Applies every pending migration; returns how many were applied. The URL may name the source
     * database or a separate governance database.
     */
    public static int migrate(DatabaseUrl url) {
        requireNonNull(url, "url is null");
        try {
            return Flyway.configure()
                    .dataSource(url.jdbcUrl(), null, null)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    // Its own schema holds the history too, so a source database with tables of its own is no obstacle.
                    .schemas("trex_governance")
                    .defaultSchema("trex_governance")
                    .loggers("slf4j")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseException("Cannot migrate governance schema in " + url.redacted() + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
