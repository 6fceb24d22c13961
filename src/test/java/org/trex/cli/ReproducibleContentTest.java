package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.extract.Manifest;
import org.trex.extract.ManifestOutput;
import org.trex.generate.SyntheticData;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/** The same approved spec, as-of date and key on the same data release the same content under a new run ID. */
class ReproducibleContentTest {
    @TempDir
    Path root;

    @Test
    void twoRunsGiveEqualContentDigestsAndDifferentRunIds() {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 5);
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-REPRO").code()).isEqualTo(ExitCode.OK);

        Result first = workspace.run();
        Result second = workspace.run();

        assertThat(first.code()).as(first.all()).isEqualTo(ExitCode.OK);
        assertThat(second.code()).as(second.all()).isEqualTo(ExitCode.OK);
        List<Path> runs = workspace.published();
        assertThat(runs).hasSize(2);
        Manifest a = Manifest.read(runs.get(0));
        Manifest b = Manifest.read(runs.get(1));
        assertThat(a.runId()).isNotEqualTo(b.runId());
        assertThat(a.planHash()).isEqualTo(b.planHash());
        assertThat(digests(a)).containsOnlyKeys("spells", "social_care_events", "delays_by_band", "delays_summary")
                .isEqualTo(digests(b));
        assertThat(a.outputs()).extracting(ManifestOutput::rows).containsExactlyElementsOf(
                b.outputs().stream().map(ManifestOutput::rows).toList());
    }

    private static Map<String, String> digests(Manifest manifest) {
        return manifest.outputs().stream()
                .collect(Collectors.toMap(ManifestOutput::name, ManifestOutput::contentSha256));
    }
}
