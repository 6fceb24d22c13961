package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A run reads the files around its data as {@code trex verify} would before it publishes: a hospital file named
 * after a person's NHS number, which the lineage names as the source it read, keeps the extract from leaving, with
 * a failed run and no extract, and without the number in the message.
 */
class RunRefusesToPublishWhatVerifyWouldFailTest {
    @TempDir
    Path root;

    @Test
    void aLoadedFileNamedByAnNhsNumberKeepsTheExtractIn() {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 5);
        Path spells = CldFile.hospital().row("", "NAMED-1").write(root.resolve("apc-9990000018.csv"));
        Result load = Workspace.trex("load", "hospital", spells.toString(), "--report",
                root.resolve("report.csv").toString(), "--database-url", url.jdbcUrl());
        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
        Workspace workspace = Workspace.create(root.resolve("work"), url);
        assertThat(workspace.approve("IGB-NAMED").code()).isEqualTo(ExitCode.OK);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).contains("the files around its data hold what trex verify refuses: Cannot verify"
                + " lineage/").contains("holds what looks like an NHS number").doesNotContain("9990000018");
        assertThat(workspace.published()).isEmpty();
    }
}
