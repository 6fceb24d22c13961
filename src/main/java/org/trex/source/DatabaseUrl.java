package org.trex.source;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL JDBC URL, as given with {@code --database-url} or {@code TREX_DATABASE_URL}.
 * {@link #toString()} and {@link #redacted()} hide any password it carries.
 */
public record DatabaseUrl(String jdbcUrl) {
    /** In free text (a driver's message) a password runs to the next {@code &}, pgjdbc's only separator, or space. */
    private static final Pattern PASSWORD_IN_TEXT = Pattern.compile("(?i)(password=)[^&\\s]*");
    private static final Pattern USERINFO_IN_TEXT = Pattern.compile("(//[^:/@\\s]+):([^@/\\s]*)@");
    /** What PostgreSQL quotes in a data exception (SQLSTATE class 22) is the value that failed, not a name. */
    /** From the first double quote to the last: PostgreSQL does not escape a quote inside the value it quotes. */
    private static final Pattern QUOTED = Pattern.compile("\".*\"", Pattern.DOTALL);
    private static final String DATA_EXCEPTION = "22";
    private static final String CONNECTION_EXCEPTION = "08";
    private static final String HIDDEN = "***";

    public DatabaseUrl {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Cannot use database URL " + rebuild(jdbcUrl, Part.HIDE)
                    + ": expected a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/trex?user=trex");
        }
    }

    /**
     * The URL with any password replaced by ***, fit for logs, lineage and messages. The URL is taken apart as
     * pgjdbc takes it (parameters split at {@code &} only, names before the first {@code =}), so a password
     * holding {@code ;}, {@code ?} or any other character is hidden whole.
     */
    public String redacted() {
        return rebuild(jdbcUrl, Part.HIDE);
    }

    /** The password the URL carries, if any: for a child process's {@code PGPASSWORD}, never for printing. */
    public Optional<String> password() {
        Parts parts = Parts.of(jdbcUrl);
        for (String parameter : parts.parameters()) {
            if (name(parameter).equals("password")) {
                return Optional.of(URLDecoder.decode(value(parameter), StandardCharsets.UTF_8));
            }
        }
        int colon = parts.userinfo().indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(URLDecoder.decode(parts.userinfo().substring(colon + 1), StandardCharsets.UTF_8));
    }

    /** The URL with no password in it, for a tool that is given the password another way. */
    public String withoutPassword() {
        return rebuild(jdbcUrl, Part.DROP);
    }

    private enum Part { HIDE, DROP }

    /** A URL's user information (before {@code @} in the authority), the rest, and its parameters. */
    private record Parts(String head, String userinfo, String rest, List<String> parameters) {
        static Parts of(String url) {
            String prefix = "jdbc:postgresql:";
            String body = url.startsWith(prefix) ? url.substring(prefix.length()) : url;
            int query = body.indexOf('?');
            String path = query < 0 ? body : body.substring(0, query);
            List<String> parameters = query < 0 ? List.of() : List.of(body.substring(query + 1).split("&", -1));
            if (path.startsWith("//")) {
                int slash = path.indexOf('/', 2);
                String authority = slash < 0 ? path.substring(2) : path.substring(2, slash);
                int at = authority.lastIndexOf('@');
                if (at >= 0) {
                    return new Parts(prefix + "//", authority.substring(0, at),
                            authority.substring(at) + (slash < 0 ? "" : path.substring(slash)), parameters);
                }
            }
            return new Parts(prefix, "", path, parameters);
        }
    }

    private static String rebuild(String url, Part password) {
        Parts parts = Parts.of(url);
        StringBuilder rebuilt = new StringBuilder(parts.head());
        int colon = parts.userinfo().indexOf(':');
        if (colon >= 0) {
            rebuilt.append(parts.userinfo(), 0, colon).append(password == Part.HIDE ? ":" + HIDDEN : "");
        } else {
            rebuilt.append(parts.userinfo());
        }
        rebuilt.append(parts.rest());
        List<String> kept = new ArrayList<>();
        for (String parameter : parts.parameters()) {
            if (!name(parameter).endsWith("password")) {
                kept.add(parameter);
            } else if (password == Part.HIDE) {
                kept.add(parameter.substring(0, parameter.indexOf('=') + 1) + HIDDEN);
            }
        }
        if (!kept.isEmpty()) {
            rebuilt.append('?').append(String.join("&", kept));
        }
        return rebuilt.toString();
    }

    /** A parameter's name, lower case, as pgjdbc reads it: before the first {@code =}. */
    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        return URLDecoder.decode(equals < 0 ? parameter : parameter.substring(0, equals), StandardCharsets.UTF_8)
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static String value(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? "" : parameter.substring(equals + 1);
    }

    /** host:port, as OpenLineage names a PostgreSQL namespace; defaults follow pgjdbc's. */
    public String hostAndPort() {
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        if (!rest.startsWith("//")) {
            return "localhost:5432";
        }
        String authority = rest.substring(2).split("[/?]", 2)[0];
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        return authority.contains(":") ? authority : authority + ":5432";
    }

    /** The database name in the URL. */
    public String databaseName() {
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        String path = rest.startsWith("//") ? rest.substring(2).split("/", 2).length > 1
                ? rest.substring(2).split("/", 2)[1] : "" : rest;
        return path.split("[?;]", 2)[0];
    }

    /**
     * pgjdbc's properties for every connection TREx opens: exception messages without the server's detail lines,
     * which quote the row a statement failed on ("Failing row contains (...)", "Key (nhs_number)=(...)"), so no
     * error TREx prints, logs or writes into lineage can carry a value from a person's record.
     */
    public static Properties driverProperties() {
        Properties properties = new Properties();
        properties.setProperty(PGProperty.LOG_SERVER_ERROR_DETAIL.getName(), "false");
        return properties;
    }

    /** A data source for a library that opens its own connections (Flyway), with {@link #driverProperties()}. */
    public DataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(jdbcUrl);
        driverProperties().forEach((name, value) -> source.setProperty(PGProperty.forName(name.toString()),
                value.toString()));
        return source;
    }

    /** Opens a connection, or fails with a message naming the (redacted) URL and the cause. */
    public Connection connect() {
        try {
            return session(DriverManager.getConnection(jdbcUrl, driverProperties()));
        } catch (SQLException e) {
            throw cannotConnect(e);
        }
    }

    /**
     * The failure to open a session, naming the (redacted) URL and why; a server that does not answer is named by
     * host and port, as that is what to check.
     */
    public DatabaseException cannotConnect(SQLException e) {
        String why = unreachable(e) ? "the database is unreachable at " + hostAndPort() + " (" + safeMessage(e) + ")"
                : safeMessage(e);
        return new DatabaseException("Cannot connect to database " + redacted() + ": " + why, e);
    }

    /** Whether a driver's failure is that no server answered (SQLSTATE class 08: connection exception). */
    public static boolean unreachable(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith(CONNECTION_EXCEPTION);
    }

    /**
     * Sets up a TREx session. {@code standard_conforming_strings} on, checked: values reach SQL as literals where
     * Spark's reads and COPY take no bind values, and jOOQ escapes them for the SQL standard (a quote is doubled, a
     * backslash is itself); a server or database configured with the setting off would read a backslash before a
     * quote as an escape and let the value end the string. And {@code jit} off: TREx's statements each run once, and
     * LLVM compiling their plans costs more than the compiled expressions save (the linkage section's cohort pass,
     * in {@code EXPLAIN ANALYZE}: 0.2 s of compiling for 1.4 million people, 1.6 s for 5 million spells, and no
     * faster run). Every connection goes through here.
     */
    public static Connection session(Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SET standard_conforming_strings = on; SET jit = off");
            try (java.sql.ResultSet result = statement.executeQuery("SHOW standard_conforming_strings")) {
                if (!result.next() || !"on".equals(result.getString(1))) {
                    throw new SQLException("Cannot use the session: standard_conforming_strings stays off, so "
                            + "literals could not be written safely");
                }
            }
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * A driver message with anything that looks like a URL's password removed, and, for a data exception (a value
     * PostgreSQL could not take: a date out of range, a number that is not one), the value it quotes.
     */
    public static String safeMessage(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String state = e.getSQLState();
        if (state != null && state.startsWith(DATA_EXCEPTION)) {
            message = QUOTED.matcher(message).replaceAll("\"[value]\"");
        }
        return redact(message);
    }

    private static String redact(String text) {
        return USERINFO_IN_TEXT.matcher(PASSWORD_IN_TEXT.matcher(text).replaceAll("$1***")).replaceAll("$1:***@");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
