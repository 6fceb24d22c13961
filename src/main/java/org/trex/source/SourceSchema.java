package org.trex.source;

/** The source schema's Flyway migrations: reference data, social care, health and opt-out tables. */
public final class SourceSchema {
    private static final Migrations MIGRATIONS =
            new Migrations("source schema", "classpath:db/source", "trex_source_schema_history", "public");

    private SourceSchema() {
    }

    /** Applies every pending migration; returns how many were applied. */
    public static int migrate(DatabaseUrl url) {
        return MIGRATIONS.apply(url);
    }

    /** How many migrations {@link #migrate} would apply (all of them to an empty database); writes nothing. */
    public static int pending(DatabaseUrl url) {
        return MIGRATIONS.pending(url);
    }
}
