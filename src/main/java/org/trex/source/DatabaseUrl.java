package org.trex.source;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL JDBC URL, as given with {@code --database-url} or {@code TREX_DATABASE_URL}.
 * {@link #toString()} and {@link #redacted()} hide any password it carries.
 */
public record DatabaseUrl(String jdbcUrl) {
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^:/@]+):([^@/]*)@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;])password=([^&;]*)");

    public DatabaseUrl {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Cannot use database URL " + redact(jdbcUrl)
                    + ": expected a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/trex?user=trex");
        }
    }

    /** The URL with any password replaced by ***, fit for logs, lineage and messages. */
    public String redacted() {
        return redact(jdbcUrl);
    }

    /** The password the URL carries, if any: for a child process's {@code PGPASSWORD}, never for printing. */
    public Optional<String> password() {
        Matcher parameter = PASSWORD_PARAMETER.matcher(jdbcUrl);
        if (parameter.find()) {
            return Optional.of(URLDecoder.decode(parameter.group(2), StandardCharsets.UTF_8));
        }
        Matcher userinfo = USERINFO.matcher(jdbcUrl);
        return userinfo.find() ? Optional.of(URLDecoder.decode(userinfo.group(2), StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** The URL with no password in it, for a tool that is given the password another way. */
    public String withoutPassword() {
        String url = USERINFO.matcher(jdbcUrl).replaceAll("$1@");
        url = PASSWORD_PARAMETER.matcher(url).replaceAll(m -> m.group(1).equals("?") ? "?" : "");
        return url.replace("?&", "?").replaceAll("[?]$", "");
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

    /** Opens a connection, or fails with a message naming the (redacted) URL and the cause. */
    public Connection connect() {
        try {
            return DriverManager.getConnection(jdbcUrl);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot connect to database " + redacted() + ": " + safeMessage(e), e);
        }
    }

    /** A driver message with anything that looks like a URL's password removed. */
    public static String safeMessage(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return redact(message);
    }

    private static String redact(String text) {
        return USERINFO.matcher(PASSWORD.matcher(text).replaceAll("$1***")).replaceAll("$1:***@");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
