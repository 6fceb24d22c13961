package org.trex.source;

import static java.util.Objects.requireNonNull;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The source schema's Flyway migrations: reference data, social care, health and opt-out tables. */
public final class SourceSchema {
    private static final Migrations MIGRATIONS =
            new Migrations("source schema", "classpath:db/source", "trex_source_schema_history", "public");
    /** The schemas the migrations create, in the order they do. */
    private static final List<String> SCHEMAS = List.of("ref", "social_care", "health", "opt_out", "source_load");

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

    /** How the database's source schema differs from this TREx's, if it does; writes nothing. */
    public static Optional<Migrations.Mismatch> mismatch(DatabaseUrl url) {
        return MIGRATIONS.mismatch(url);
    }

    /**
     * Refuses, before a command reads anything, a database that does not hold the source schema this TREx reads:
     * none of it (never loaded), an older one (migrations pending) or a newer one (a later TREx migrated it). One
     * catalogue query finds a database never loaded; Flyway's history is read only when the schemas are there.
     *
     * @param doing what the command was to do, for the message ("run extract discharge-delays")
     */
    public static void requireCurrent(DatabaseUrl url, String doing) {
        requireNonNull(url, "url is null");
        requireNonNull(doing, "doing is null");
        List<String> missing = missingSchemas(url);
        if (!missing.isEmpty()) {
            throw new DatabaseException("Cannot " + doing + ": the database " + url.redacted()
                    + " has no TREx source tables (" + (missing.size() == 1 ? "schema " : "schemas ")
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " missing); load the sources first with trex load");
        }
        MIGRATIONS.mismatch(url).ifPresent(mismatch -> {
            throw new DatabaseException("Cannot " + doing + ": " + mismatch.reason()
                    + (mismatch.age() == Migrations.Mismatch.Age.OLDER
                    ? "; trex migrate applies them (so does trex load, before it loads)" : ""));
        });
    }

    /** Whether the database holds every schema of the source tables (a governance-only database holds none). */
    public static boolean holdsSourceTables(DatabaseUrl url) {
        requireNonNull(url, "url is null");
        return missingSchemas(url).isEmpty();
    }

    private static List<String> missingSchemas(DatabaseUrl url) {
        try (Connection connection = url.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)")) {
            Array names = connection.createArrayOf("text", SCHEMAS.toArray());
            query.setArray(1, names);
            Set<String> present = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    present.add(rows.getString(1));
                }
            }
            List<String> missing = new ArrayList<>(SCHEMAS);
            missing.removeAll(present);
            return missing;
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the catalogue of database " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
    }
}
