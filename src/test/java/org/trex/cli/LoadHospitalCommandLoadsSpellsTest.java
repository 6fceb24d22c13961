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

/** {@code trex load hospital FILE} loads SUS APC spells into an empty database and says how many. */
class LoadHospitalCommandLoadsSpellsTest {
    @TempDir
    Path dir;

    @Test
    void loadsEverySpellOfTheFileAndPrintsTheCount() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.hospital().row("", "S1").row("", "S2").row("", "S3").write(dir.resolve("apc.csv"));

        Result load = Workspace.trex("load", "hospital", file.toString(), "--report",
                dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl());

        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
        assertThat(load.out()).contains("Loaded 3 hospital rows for period all");
        assertThat(Sql.count(url, "SELECT count(*) FROM health.inpatient_spell")).isEqualTo(3);
    }
}
