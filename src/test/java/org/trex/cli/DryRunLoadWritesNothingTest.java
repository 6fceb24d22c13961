package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * {@code trex load ... --dry-run} checks every row and reports, and writes nothing to the database: no row, no load
 * record and, on an empty database, not even the source schema a load would apply (it checks against a throwaway
 * database that has it). The quality report goes to standard output unless {@code --report} names a file.
 */
class DryRunLoadWritesNothingTest {
    @TempDir
    Path dir;

    @Test
    void aDryRunOnAnEmptyDatabaseCreatesNothingThereAndPrintsItsReport() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare().row("P1", "E1").row("P2", "E2", Map.of("Gender", "Mail"))
                .write(dir.resolve("cld.csv"));

        Result dry = Workspace.trex("load", "social-care", file.toString(), "--dry-run", "--database-url",
                url.jdbcUrl());

        assertThat(dry.code()).as(dry.all()).isEqualTo(ExitCode.OK);
        assertThat(dry.out()).contains("a load would apply it first", "Dry run: nothing written",
                "would get 1 rows", "Quality report (1 findings):", "file,line,column,rule,effect,listed_code",
                file + ",3,Gender,");
        assertThat(Sql.count(url, "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"
                + " AND n.nspname NOT LIKE 'pg_toast%'")).isZero();
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void aDryRunLeavesTheLoadedPeriodAsItWasAndWritesTheReportItIsGiven() {
        DatabaseUrl url = TestDatabase.fresh();
        Path first = CldFile.socialCare().row("P1", "E1").write(dir.resolve("first.csv"));
        Result load = Workspace.trex("load", "social-care", first.toString(), "--report",
                dir.resolve("first-report.csv").toString(), "--database-url", url.jdbcUrl());
        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
        Path file = CldFile.socialCare().row("P1", "E1").row("P2", "E2").write(dir.resolve("cld.csv"));

        Result dry = Workspace.trex("load", "social-care", file.toString(), "--dry-run", "--report",
                dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl());

        assertThat(dry.code()).as(dry.all()).isEqualTo(ExitCode.OK);
        assertThat(dry.out()).contains("Dry run: nothing written", "would get 2 rows", "Quality report: ")
                .doesNotContain("would apply it first");
        assertThat(dir.resolve("report.csv")).exists();
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.event")).isEqualTo(1);
        assertThat(Sql.count(url, "SELECT count(*) FROM trex_governance.source_load")).isEqualTo(1);
    }
}
