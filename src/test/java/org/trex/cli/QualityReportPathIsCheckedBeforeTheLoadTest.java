package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A {@code --report} that cannot be written (its folder missing, or a folder in its place) is refused before the
 * load reads a row, in words: not the path of the temporary file the report would have been written to first.
 */
class QualityReportPathIsCheckedBeforeTheLoadTest {
    @TempDir
    Path dir;

    @Test
    void aReportInAFolderThatDoesNotExistIsRefusedFirst() {
        DatabaseUrl url = TestDatabase.fresh();
        Path spells = CldFile.hospital().row("", "S1").write(dir.resolve("apc.csv"));
        Path report = dir.resolve("no-such-folder").resolve("report.csv");

        Result load = Workspace.trex("load", "hospital", spells.toString(), "--report", report.toString(),
                "--database-url", url.jdbcUrl());

        assertThat(load.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(load.err()).contains("Cannot write the quality report ", "report.csv: there is no folder ",
                "no-such-folder").doesNotContain(".writing");
        assertThat(load.out()).isEmpty();
        assertThat(Sql.count(url, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'source_load'")).isZero();
    }

    @Test
    void aFolderInThePlaceOfTheReportIsRefused() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path spells = CldFile.hospital().row("", "S1").write(dir.resolve("apc.csv"));
        Path folder = Files.createDirectories(dir.resolve("reports"));

        Result load = Workspace.trex("load", "hospital", spells.toString(), "--report", folder.toString(),
                "--database-url", url.jdbcUrl());

        assertThat(load.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(load.err()).contains("reports: it is a folder");
        assertThat(load.out()).isEmpty();
    }
}
