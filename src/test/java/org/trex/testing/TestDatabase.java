package org.trex.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.trex.source.DatabaseUrl;
import org.trex.source.EmbeddedDatabase;

/**
 * The real PostgreSQL server the tests use, one per test JVM: the server named by
 * {@code TREX_TEST_DATABASE_URL}, else Testcontainers when Docker is there, else embedded PostgreSQL.
 * Each call to {@link #fresh()} gives a new empty database on it, so test classes never share state.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static DatabaseUrl admin;

    private TestDatabase() {
    }

    /** A new, empty database. */
    public static synchronized DatabaseUrl fresh() {
        DatabaseUrl server = server();
        String name = "trex_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return withDatabase(server, name);
    }

    private static DatabaseUrl server() {
        if (admin == null) {
            admin = start();
        }
        return admin;
    }

    private static DatabaseUrl start() {
        String configured = System.getenv("TREX_TEST_DATABASE_URL");
        if (configured != null && !configured.isBlank()) {
            return new DatabaseUrl(configured);
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new DatabaseUrl(container.getJdbcUrl() + "&user=" + container.getUsername()
                    + "&password=" + container.getPassword());
        }
        // Its files are removed by the next test JVM rather than at this one's exit, which Surefire cuts short after
        // 30 s: removing the hundreds of databases the tests create takes longer on CI's disk.
        Path parent = Path.of(System.getProperty("java.io.tmpdir"), "test-postgres");
        removeStoppedServers(parent);
        EmbeddedDatabase embedded = EmbeddedDatabase.start(parent, EmbeddedDatabase.OnClose.KEEP_FILES);
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        return embedded.url();
    }

    /** Removes the files of earlier test JVMs' servers, each stopped (a running server has its postmaster.pid). */
    private static void removeStoppedServers(Path parent) {
        try (Stream<Path> servers = Files.isDirectory(parent) ? Files.list(parent) : Stream.empty()) {
            servers.filter(server -> !Files.exists(server.resolve("data").resolve("postmaster.pid")))
                    .forEach(EmbeddedDatabase::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list earlier test servers in " + parent + ": " + e.getMessage(), e);
        }
    }

    private static DatabaseUrl withDatabase(DatabaseUrl server, String name) {
        String url = server.jdbcUrl();
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String suffix = query >= 0 ? url.substring(query) : "";
        return new DatabaseUrl(url.substring(0, slash + 1) + name + suffix);
    }

    /** {@code url} with {@code role} and its password in place of its own user and password. */
    public static DatabaseUrl as(DatabaseUrl url, String role, String password) {
        String[] parts = url.jdbcUrl().split("\\?", 2);
        String others = parts.length < 2 ? "" : Arrays.stream(parts[1].split("&"))
                .filter(p -> !p.startsWith("user=") && !p.startsWith("password=")).map(p -> "&" + p)
                .collect(Collectors.joining());
        return new DatabaseUrl(parts[0] + "?user=" + role + "&password=" + password + others);
    }

    /** Applies the governance migrations up to {@code version} alone: the schema a TREx of that version left. */
    public static void governanceAt(DatabaseUrl url, String version) {
        Flyway.configure().dataSource(url.jdbcUrl(), null, null).locations("classpath:db/governance")
                .table("trex_governance_schema_history").schemas("trex_governance").defaultSchema("trex_governance")
                .target(version).load().migrate();
    }
}
