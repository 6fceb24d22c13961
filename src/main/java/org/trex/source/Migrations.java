package org.trex.source;

import static java.util.Objects.requireNonNull;

import java.util.function.ToIntFunction;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A set of Flyway migrations with its own history table and schema, so the source and governance
 * schemas can share a database without either seeing the other's history.
 *
 * @param name what the migrations build, for messages ("source schema")
 * @param location where they live on the classpath
 * @param historyTable Flyway's history table
 * @param schema the schema Flyway owns and keeps the history in
 */
public record Migrations(String name, String location, String historyTable, String schema) {
    public Migrations {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        requireNonNull(historyTable, "historyTable is null");
        requireNonNull(schema, "schema is null");
    }

    /** Applies every pending migration; returns how many were applied. */
    public int apply(DatabaseUrl url) {
        return flyway(url, "migrate", flyway -> flyway.migrate().migrationsExecuted);
    }

    /** How many migrations {@link #apply} would apply; reads the history and writes nothing. */
    public int pending(DatabaseUrl url) {
        return flyway(url, "read the history of", flyway -> flyway.info().pending().length);
    }

    private int flyway(DatabaseUrl url, String doing, ToIntFunction<Flyway> work) {
        requireNonNull(url, "url is null");
        try {
            return work.applyAsInt(Flyway.configure()
                    .dataSource(url.dataSource())
                    .locations(location)
                    .table(historyTable)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .loggers("slf4j")
                    .load());
        } catch (FlywayException e) {
            String message = e.getMessage() == null ? "unknown error" : e.getMessage().lines().findFirst().orElse("");
            throw new DatabaseException("Cannot " + doing + " " + name + " in " + url.redacted() + ": " + message, e);
        }
    }
}
