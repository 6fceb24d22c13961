package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A load's data-quality report is owner-only, as every file TREx writes, even where an earlier report was readable
 * by others, and it replaces that report whole, leaving no partly written file beside it.
 */
class LoadQualityReportIsOwnerOnlyTest {
    @TempDir
    Path dir;

    @Test
    void theReportReplacesAnEarlierOneOwnerOnly() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.hospital().row("", "S1").row("", "S2").write(dir.resolve("apc.csv"));
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path report = Files.writeString(reports.resolve("report.csv"), "an earlier report\n");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-r--r--"));

        Result load = Workspace.trex("load", "hospital", file.toString(), "--report", report.toString(),
                "--database-url", url.jdbcUrl());

        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
        assertThat(load.out()).contains("Quality report: " + report + " (");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");
        assertThat(Files.readString(report)).startsWith("file,line,column,rule,effect,listed_code\n")
                .doesNotContain("an earlier report");
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.csv");
        }
    }
}
