package org.trex.source;

import static java.util.Objects.requireNonNull;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** The source schema's Flyway migrations: reference data, social care, health and opt-out tables. */
public final class SourceSchema {
    /** Where the migrations live on the classpath. */
    public static final String LOCATION = "classpath:db/source";
    /** Flyway's history table for the source schema, kept apart from the governance schema's. */
    public static final String HISTORY_TABLE = "trex_source_schema_history";

    private SourceSchema() {
    }

    /** Applies every pending migration; returns how many were applied. */
    public static int migrate(DatabaseUrl url) {
        requireNonNull(url, "url is null");
        try {
            return Flyway.configure()
                    .dataSource(url.jdbcUrl(), null, null)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    .defaultSchema("public")
                    .loggers("slf4j")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseException("Cannot migrate source schema in " + url.redacted() + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
