package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.extract.FileDigests;

/**
 * {@code trex objections ack --copy} over copies cleaned of the notice's rows (one in CSV and Parquet, one kept as CSV
 * alone) records the notice done with its evidence: the audit entry names each copy and each file checked with its
 * SHA-256 and rows, and the notice's files, the command's lines and {@code objections status} say it was checked
 * in those copies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AckCheckedInACopyRecordsItsEvidenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReleaseWithANotice release;

    @BeforeAll
    void release(@TempDir Path root) throws Exception {
        release = ReleaseWithANotice.create(root);
    }

    @Test
    void cleanedCopiesAreCheckedAndTheirFilesRecorded() throws Exception {
        Path both = release.copy("both-forms");
        DemoCopy.deleteFromCsv(both.resolve("data/spells.csv"), "person", Set.of(release.pseudonym()));
        DemoCopy.deleteFromParquet(both.resolve("data/spells.parquet"), "person", Set.of(release.pseudonym()));
        Path csvOnly = release.copy("csv-only");
        DemoCopy.deleteFromCsv(csvOnly.resolve("data/spells.csv"), "person", Set.of(release.pseudonym()));
        Files.delete(csvOnly.resolve("data/spells.parquet"));
        long left = Files.readAllLines(release.extract().resolve("data/spells.csv")).size() - 2;

        Result ack = release.ack(both.toString(), csvOnly.toString());
        Result status = release.status();

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.OK);
        String checked = "checked in 2 copies (" + both + ", " + csvOnly + ")";
        assertThat(ack.out()).contains("CHECKED " + both + ": data/spells.csv " + left + " rows, data/spells.parquet "
                        + left + " rows; no row of anyone DN-000001 names\n",
                "CHECKED " + csvOnly + ": data/spells.csv " + left + " rows; no row of anyone DN-000001 names\n",
                "DONE DN-000001 (discharge-delays run ", ") by TRE operator at ", ", " + checked + "\n")
                .doesNotContain(release.pseudonym());
        assertThat(status.out()).contains("DONE     DN-000001", " by TRE operator, " + checked);
        List<String> entries = release.ackEntries();
        assertThat(entries).hasSize(1);
        JsonNode details = JSON.readTree(entries.get(0));
        assertThat(details.path("checked").asText())
                .isEqualTo("no row of a pseudonym the notice names remained in the copies");
        assertThat(details.path("copies").findValuesAsText("path")).containsExactly(both.toString(),
                csvOnly.toString());
        JsonNode files = details.path("copies").get(0).path("files");
        for (String file : List.of("data/spells.csv", "data/spells.parquet")) {
            assertThat(files.path(file).path("sha256").asText()).isEqualTo(FileDigests.sha256(both.resolve(file)));
            assertThat(files.path(file).path("rows").asLong()).isEqualTo(left);
            assertThat(files.path(file).path("output").asText()).isEqualTo("spells");
            assertThat(files.path(file).path("namedPseudonymsFound").asLong()).isZero();
        }
        assertThat(details.path("copies").get(1).path("files").fieldNames()).toIterable()
                .containsExactly("data/spells.csv");
        JsonNode notice = JSON.readTree(release.notices().resolve("DN-000001.json").toFile());
        assertThat(notice.path("status").asText()).isEqualTo("done");
        assertThat(notice.path("doneEvidence").asText()).isEqualTo(checked);
        assertThat(JSON.convertValue(notice.path("checkedCopies"), List.class)).containsExactly(both.toString(),
                csvOnly.toString());
        assertThat(Files.readString(release.notices().resolve("DN-000001.md"))).contains(" by TRE operator, "
                + checked + " |");
    }
}
