package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/**
 * {@code trex run --due} prints what failed (a due extract whose run failed, a scheduled spec it skipped, with its
 * problems) on standard error, which a scheduler's log keeps apart, and what ran and how the pass ended on standard
 * output.
 */
class DueFailuresGoToStandardErrorTest {
    @TempDir
    Path root;

    @Test
    void aFailedRunAndASkippedSpecAreOnStandardErrorAndTheSummaryOnStandardOutput() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 23);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-DELAYS").code()).isEqualTo(ExitCode.OK);
        // A second project run with the same key file: whichever runs second is refused the key the first bound.
        Path reablement = workspace.spec.resolveSibling("reablement-ascof-2d.yaml");
        Files.writeString(reablement, Files.readString(Path.of("extracts/reablement-ascof-2d.yaml"))
                + "schedule: \"0 6 1 * *\"\n");
        for (String member : List.of(TestingBoard.CHAIR, TestingBoard.GUARDIAN)) {
            Result approved = Workspace.trex("approve", reablement.toString(), "--sign-with",
                    workspace.board.keyFile(member).toString(), "--reference", "IGB-REABLEMENT", "--database-url",
                    url.jdbcUrl());
            assertThat(approved.code()).as(approved.all()).isEqualTo(ExitCode.OK);
        }
        Path broken = workspace.spec.resolveSibling("broken.yaml");
        Files.writeString(broken, Files.readString(workspace.spec).replace("purpose:", "porpoise: a typo\npurpose:"));

        Result due = Workspace.trex("run", "--due", "--as-of", Workspace.AS_OF.toString(), "--specs",
                workspace.spec.getParent().toString(), "--out", workspace.out.toString(), "--master", "local[2]",
                "--partitions", "2", "--key-file", workspace.key.toString(), "--database-url", url.jdbcUrl());

        assertThat(due.code()).as(due.all()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(due.err()).contains("skipped " + broken + ": invalid spec, policy or board register\n",
                "porpoise").containsPattern("(?m)^[a-z0-9-]+ +period 2026-06-01T06:00: failed \\(Cannot run extract ")
                .doesNotContain(": succeeded");
        assertThat(due.out()).containsPattern("(?m)^[a-z0-9-]+ +period 2026-06-01T06:00: succeeded \\(Ran extract ")
                .contains("Outcome: some_failed (1 spec(s) skipped, named on standard error)")
                .doesNotContain("skipped " + broken).doesNotContain("porpoise").doesNotContain(": failed");
    }
}
