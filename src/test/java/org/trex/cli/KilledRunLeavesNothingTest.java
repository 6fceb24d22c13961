package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/** A run killed mid-way publishes nothing, and the next run clears what it left in staging. */
class KilledRunLeavesNothingTest {
    @TempDir
    Path root;

    @Test
    void aKilledRunLeavesNoExtractAndTheNextRunRemovesItsStaging() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 13);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-KILL").code()).isEqualTo(ExitCode.OK);
        String runId = UUID.randomUUID().toString();
        Path extractRoot = workspace.out.resolve(Workspace.EXTRACT);
        Path staging = extractRoot.resolve(".staging-" + runId);
        Path log = root.resolve("killed-run.log");

        Process child = Workspace.start(workspace.runArguments("--run-id", runId), log);
        try {
            // Staging appears once the approval, key and audit checks pass and the Spark job begins.
            while (!Files.isDirectory(staging) && child.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the run ended before it could be killed: %s", Files.readString(log))
                    .isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }

        assertThat(extractRoot.resolve(runId)).as("the killed run's final path").doesNotExist();
        assertThat(staging).as("what the killed run left").isDirectory();

        Result next = workspace.run();

        assertThat(next.code()).as(next.all()).isEqualTo(ExitCode.OK);
        assertThat(staging).as("abandoned staging of the killed run").doesNotExist();
        assertThat(workspace.published()).hasSize(1)
                .allSatisfy(p -> assertThat(p.getFileName().toString()).isNotEqualTo(runId));
        try (Stream<Path> children = Files.list(extractRoot)) {
            List<String> names = children.map(p -> p.getFileName().toString()).toList();
            assertThat(names).noneMatch(n -> n.startsWith(".staging-"));
        }
    }
}
