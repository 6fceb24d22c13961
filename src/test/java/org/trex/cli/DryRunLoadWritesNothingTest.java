package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/** {@code trex load ... --dry-run} checks every row and reports, and writes no row and no load record. */
class DryRunLoadWritesNothingTest {
    @TempDir
    Path dir;

    @Test
    void aDryRunReportsWhatWouldLoadAndLeavesTheDatabaseAsItWas() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare().row("P1", "E1").row("P2", "E2").write(dir.resolve("cld.csv"));

        Result dry = Workspace.trex("load", "social-care", file.toString(), "--dry-run", "--report",
                dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl());

        assertThat(dry.code()).as(dry.all()).isEqualTo(ExitCode.OK);
        assertThat(dry.out()).contains("Dry run: nothing written", "would get 2 rows", "Quality report: ");
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.event")).isZero();
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.person")).isZero();
        // Not even the governance tables a load is recorded in: a dry run records nothing.
        assertThat(Sql.count(url, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'trex_governance' AND table_name = 'source_load'")).isZero();
    }
}
