package org.trex.cli;

import java.util.Optional;
import org.trex.source.DatabaseUrl;
import picocli.CommandLine.Option;

/**
 * The {@code --governance-url} option of commands that read or write approvals, the audit log or
 * scheduled runs; falls back to TREX_GOVERNANCE_URL, then to the source database's URL.
 */
public final class GovernanceOptions {
    @Option(names = "--governance-url", paramLabel = "URL",
            description = "PostgreSQL JDBC URL of the governance database (default: $TREX_GOVERNANCE_URL, "
                    + "else the source database URL).")
    String governanceUrl;

    /** The governance database's URL, or a bad-input error naming every way to give one. */
    public DatabaseUrl required(DatabaseOptions source) {
        String value = governanceUrl != null ? governanceUrl : System.getenv("TREX_GOVERNANCE_URL");
        Optional<DatabaseUrl> url = value == null || value.isBlank()
                ? source.url()
                : Optional.of(new DatabaseUrl(value));
        return url.orElseThrow(() -> new CliException(ExitCode.BAD_INPUT,
                "Cannot open the governance records: give --governance-url URL or set TREX_GOVERNANCE_URL"
                        + " (or give --database-url URL or set TREX_DATABASE_URL to keep them in the source"
                        + " database)"));
    }
}
