package org.trex.source;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

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
    /**
     * The histories found current in this process, by database and history table. A run checks its databases
     * several times (its search for abandoned runs, its preflight), and Flyway reads every migration in the jar
     * each time: a third of a second a check. A history that reads the same as when it was found current needs no
     * second look; any change to it (a migration applied, a row altered, the database made anew) is looked at again.
     */
    private static final Map<String, String> CURRENT = new ConcurrentHashMap<>();

    public Migrations {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        requireNonNull(historyTable, "historyTable is null");
        requireNonNull(schema, "schema is null");
    }

    /**
     * Applies every pending migration; returns how many were applied. A database a later TREx migrated is refused
     * (Flyway itself would carry on past the versions it does not know), as this TREx could write what that one no
     * longer reads.
     */
    public int apply(DatabaseUrl url) {
        Optional<String> before = history(url);
        if (before.isPresent() && before.get().equals(CURRENT.get(key(url)))) {
            return 0;
        }
        int applied = flyway(url, "migrate", flyway -> {
            newer(url, flyway.info()).ifPresent(why -> {
                throw new DatabaseException("Cannot migrate " + name + ": " + why);
            });
            return flyway.migrate().migrationsExecuted;
        });
        if (applied == 0) {
            rememberCurrent(url, before);
        }
        return applied;
    }

    /** How many migrations {@link #apply} would apply; reads the history and writes nothing. */
    public int pending(DatabaseUrl url) {
        return flyway(url, "read the history of", flyway -> flyway.info().pending().length);
    }

    /** How a database's schema differs from the one these migrations make, and why, in words naming the URL. */
    public record Mismatch(Age age, String reason) {
        /** Whether the database is behind these migrations or ahead of them. */
        public enum Age { OLDER, NEWER }

        public Mismatch {
            requireNonNull(age, "age is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /**
     * How the database's schema differs from the one these migrations make, if it does: a later TREx's migrations
     * applied to it, or some of these not yet applied. Reads the history and writes nothing.
     */
    public Optional<Mismatch> mismatch(DatabaseUrl url) {
        Optional<String> before = history(url);
        if (before.isPresent() && before.get().equals(CURRENT.get(key(url)))) {
            return Optional.empty();
        }
        Optional<Mismatch> mismatch = flyway(url, "read the history of", flyway -> {
            MigrationInfoService info = flyway.info();
            Optional<String> newer = newer(url, info);
            if (newer.isPresent()) {
                return newer.map(reason -> new Mismatch(Mismatch.Age.NEWER, reason));
            }
            if (info.pending().length == 0) {
                return Optional.empty();
            }
            String at = info.current() == null ? "has no record of its migrations (no " + schema + "."
                    + historyTable + ")" : "is at version " + info.current().getVersion().getVersion()
                    + ", older than this TREx's " + latest(info);
            return Optional.of(new Mismatch(Mismatch.Age.OLDER, "the " + name + " in " + url.redacted() + " " + at
                    + ": " + info.pending().length + " migration(s) pending"));
        });
        if (mismatch.isEmpty()) {
            rememberCurrent(url, before);
        }
        return mismatch;
    }

    /** Remembers a history Flyway found current, if it read the same before the check as after. */
    private void rememberCurrent(DatabaseUrl url, Optional<String> before) {
        Optional<String> after = history(url);
        if (before.isPresent() && before.equals(after)) {
            CURRENT.put(key(url), after.get());
        }
    }

    private String key(DatabaseUrl url) {
        return url.jdbcUrl() + " " + schema + "." + historyTable;
    }

    /**
     * A digest of every row of the history table (versions, checksums, outcomes and when each was applied), or
     * empty when there is no history table (nor then anything to remember).
     */
    private Optional<String> history(DatabaseUrl url) {
        String table = "\"" + schema + "\".\"" + historyTable + "\"";
        try (Connection connection = url.connect()) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                exists.setString(1, table);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next() || !row.getBoolean(1)) {
                        return Optional.empty();
                    }
                }
            }
            // The table's name is this record's own, never a user's; a name cannot be a bound parameter.
            try (PreparedStatement digest = connection.prepareStatement("SELECT md5(string_agg(concat_ws('|',"
                    + " installed_rank, version, checksum, success, installed_on, script), ','"
                    + " ORDER BY installed_rank)) FROM " + table);
                 ResultSet row = digest.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            if (DatabaseUrl.unreachable(e)) {
                throw url.cannotConnect(e);
            }
            // Not read: Flyway looks, and names what is wrong.
            return Optional.empty();
        }
    }

    private Optional<String> newer(DatabaseUrl url, MigrationInfoService info) {
        return Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(future -> "the " + name + " in " + url.redacted() + " is at version " + future.getVersion()
                        + ", newer than this TREx's " + latest(info) + ": a later TREx migrated it; use that TREx"
                        + " or a later one");
    }

    /** The newest version these migrations make. */
    private static String latest(MigrationInfoService info) {
        return Arrays.stream(info.all())
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElse("none");
    }

    private <T> T flyway(DatabaseUrl url, String doing, Function<Flyway, T> work) {
        requireNonNull(url, "url is null");
        try {
            return work.apply(Flyway.configure()
                    .dataSource(url.dataSource())
                    .locations(location)
                    .table(historyTable)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .loggers("slf4j")
                    .load());
        } catch (FlywayException e) {
            Optional<SQLException> cause = sqlCause(e).filter(DatabaseUrl::unreachable);
            if (cause.isPresent()) {
                throw url.cannotConnect(cause.get());
            }
            String message = e.getMessage() == null ? "unknown error" : e.getMessage().lines().findFirst().orElse("");
            throw new DatabaseException("Cannot " + doing + " " + name + " in " + url.redacted() + ": " + message, e);
        }
    }

    private static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}
