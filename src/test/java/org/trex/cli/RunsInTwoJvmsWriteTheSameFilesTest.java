package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.extract.FileDigests;
import org.trex.generate.SyntheticData;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * Two runs of one approved spec on the same data, each in a JVM of its own as a scheduler starts them, write
 * byte-identical Parquet and CSV files: anyone can rerun an extract and compare files, not just contents.
 */
class RunsInTwoJvmsWriteTheSameFilesTest {
    @TempDir
    Path root;

    @Test
    void everyDataFileHasTheSameDigestInBothRuns() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 17);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-TWO-JVMS").code()).isEqualTo(ExitCode.OK);

        for (String run : List.of("first", "second")) {
            Path log = root.resolve(run + ".log");
            Process child = Workspace.start(workspace.runArguments(), log);
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("run %s finished", run).isTrue();
            assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(ExitCode.OK);
        }

        List<Path> runs = workspace.published();
        assertThat(runs).hasSize(2);
        Map<String, String> first = dataDigests(runs.get(0));
        Map<String, String> second = dataDigests(runs.get(1));
        assertThat(first.keySet()).anyMatch(name -> name.endsWith(".parquet")).anyMatch(name -> name.endsWith(".csv"));
        assertThat(second).isEqualTo(first);
    }

    private static Map<String, String> dataDigests(Path extract) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (Path file : Workspace.files(extract.resolve("data"))) {
            digests.put(file.getFileName().toString(), FileDigests.sha256(file));
        }
        return digests;
    }
}
