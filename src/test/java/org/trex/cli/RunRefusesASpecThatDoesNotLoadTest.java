package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.testing.TestDatabase;

/**
 * {@code trex run} of a spec that does not load fails with exit 2 and the spec's problem, and leaves nothing
 * behind: Spark, started while the spec was read, is stopped and its scratch folder removed.
 */
class RunRefusesASpecThatDoesNotLoadTest {
    @TempDir
    Path root;

    @Test
    void anUnknownFieldIsRefusedWithNothingLeftBehind() {
        Workspace workspace = Workspace.create(root, TestDatabase.fresh());
        workspace.editSpec("purpose:", "porpoise: a typo\npurpose:");

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(workspace.spec.toString()).contains("porpoise");
        assertThat(workspace.out).as("--out, made for Spark's scratch folder").doesNotExist();
    }
}
