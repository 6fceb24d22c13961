package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A social care load without the council's own LA code loads as before, but its summary says plainly that LA_Code
 * was not checked to be the council's, and how to set the code; a dry run says it too.
 */
class LoadWithoutTheCouncilsCodeSaysItWasNotCheckedTest {
    private static final String NOT_CHECKED = "LA_Code not checked against the council's own (another council's file"
            + " would load), only that the rows state one: give --council-code CODE, or set TREX_COUNCIL_CODE";

    @TempDir
    Path dir;

    @Test
    void theLoadAndItsDryRunSayTheCodeWasNotChecked() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare().row("P1", "E1").row("P2", "E2").write(dir.resolve("cld.csv"));

        Result dry = Workspace.trex("load", "social-care", file.toString(), "--dry-run", "--database-url",
                url.jdbcUrl());
        Result load = Workspace.trex("load", "social-care", file.toString(), "--report",
                dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl());

        assertThat(dry.code()).as(dry.all()).isEqualTo(ExitCode.OK);
        assertThat(dry.out()).contains(NOT_CHECKED, "Dry run: nothing written");
        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
        assertThat(load.out()).contains(NOT_CHECKED, "Loaded 2 social-care rows");
    }
}
