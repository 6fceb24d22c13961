package org.trex.cli;

import java.util.Optional;
import org.trex.source.DatabaseUrl;
import picocli.CommandLine.Option;

/** The {@code --database-url} option every database command shares; falls back to TREX_DATABASE_URL. */
public final class DatabaseOptions {
    @Option(names = "--database-url", paramLabel = "URL",
            description = "PostgreSQL JDBC URL of the source database (default: $TREX_DATABASE_URL).")
    String databaseUrl;

    /** The configured URL, if any. */
    public Optional<DatabaseUrl> url() {
        String value = databaseUrl != null ? databaseUrl : System.getenv("TREX_DATABASE_URL");
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new DatabaseUrl(value));
    }

    /** The configured URL, or a bad-input error naming both ways to give one. */
    public DatabaseUrl required() {
        return url().orElseThrow(() -> new CliException(ExitCode.BAD_INPUT,
                "Cannot connect to a database: give --database-url URL or set TREX_DATABASE_URL"));
    }
}
