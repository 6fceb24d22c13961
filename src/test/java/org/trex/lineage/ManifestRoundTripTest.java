package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.extract.FileDigests;
import org.trex.extract.Manifest;
import org.trex.extract.ManifestFile;

class ManifestRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryFileButItselfSortedAndReadsBackTheSame() throws Exception {
        LineageRun run = SampleExtract.write(dir);
        Manifest manifest = Manifest.read(dir);

        assertThat(manifest.files()).extracting(ManifestFile::path).containsExactly(
                "README.md", "data/readmissions_by_month.csv", "data/spells.csv", "data/spells.parquet",
                "lineage/openlineage.ndjson", "lineage/report.html", "lineage/report.md");
        ManifestFile parquet = manifest.files().get(3);
        assertThat(parquet.format()).isEqualTo("parquet");
        assertThat(parquet.rows()).hasValue(41_877);
        assertThat(parquet.sha256()).isEqualTo(FileDigests.sha256(dir.resolve("data/spells.parquet")));
        assertThat(manifest.files().get(0).rows()).isEmpty();
        assertThat(manifest.runId()).isEqualTo(run.runId());
        assertThat(manifest.toBytes()).isEqualTo(Files.readAllBytes(dir.resolve(Manifest.FILE_NAME)));
    }

    @Test
    void keysAreSorted() throws Exception {
        SampleExtract.write(dir);
        String json = Files.readString(dir.resolve(Manifest.FILE_NAME));

        assertThat(json.indexOf("\"extract\"")).isLessThan(json.indexOf("\"files\""));
        assertThat(json.indexOf("\"files\"")).isLessThan(json.indexOf("\"outputs\""));
        assertThat(json.indexOf("\"planHash\"")).isLessThan(json.indexOf("\"runId\""));
        assertThat(json).contains("\"bytes\"", "\"contentSha256\"");
        assertThat(json.indexOf("\"bytes\"")).isLessThan(json.indexOf("\"format\""));
    }
}
