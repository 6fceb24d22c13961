package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;

/**
 * {@code trex objections ack --copy} refuses, with exit 1, a copy of the release that still holds a row of someone
 * the notice names, in its CSV or its Parquet, naming the file and lines but not the pseudonym, a copy holding more
 * rows than the release less the notice's, and one whose CSV and Parquet hold different rows; the notice stays open
 * and no acknowledgement is recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AckRefusedWhileACopyStillHoldsTheRowsTest {
    private ReleaseWithANotice release;

    @BeforeAll
    void release(@TempDir Path root) throws Exception {
        release = ReleaseWithANotice.create(root);
    }

    @AfterEach
    void theNoticeStaysOpen() throws Exception {
        release.assertStillOpen();
    }

    @Test
    void aCopyNothingWasDeletedFromIsRefusedNamingItsFilesAndLines() throws Exception {
        Path copy = release.copy("untouched");

        Result ack = release.ack(copy.toString());

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(ack.err()).contains("trex: Cannot acknowledge DN-000001: copy ", "/tre/untouched still holds 1"
                + " row of spells whose person the notice names (data/spells.csv line " + release.releasedLine()
                + "); and 1 row of spells whose person the notice names (data/spells.parquet row ")
                .doesNotContain(release.pseudonym());
    }

    @Test
    void aCopyCleanedInItsCsvButNotItsParquetIsRefused() throws Exception {
        Path copy = release.copy("csv-only");
        DemoCopy.deleteFromCsv(copy.resolve("data/spells.csv"), "person", Set.of(release.pseudonym()));

        Result ack = release.ack(copy.toString());

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(ack.err()).containsPattern("/tre/csv-only still holds 1 row of spells whose person the notice"
                + " names \\(data/spells.parquet row \\d+\\)\n").doesNotContain("spells.csv", release.pseudonym());
    }

    @Test
    void aCopyWhoseFormsWereCleanedUnlikeIsRefused() throws Exception {
        Path copy = release.copy("unlike");
        Path csv = copy.resolve("data/spells.csv");
        DemoCopy.deleteFromCsv(csv, "person", Set.of(release.pseudonym()));
        DemoCopy.deleteFromParquet(copy.resolve("data/spells.parquet"), "person", Set.of(release.pseudonym()));
        List<String> lines = Files.readAllLines(csv);
        Files.write(csv, lines.subList(0, lines.size() - 1));
        int left = lines.size() - 1;

        Result ack = release.ack(copy.toString());

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(ack.err()).contains("/tre/unlike holds " + (left - 1) + " rows in data/spells.csv but " + left
                + " rows in data/spells.parquet: its forms of spells were not cleaned alike");
    }

    @Test
    void aCopyHoldingMoreRowsThanTheReleaseLessTheNoticesIsRefused() throws Exception {
        Path copy = release.copy("more-rows");
        Path csv = copy.resolve("data/spells.csv");
        DemoCopy.deleteFromCsv(csv, "person", Set.of(release.pseudonym()));
        Files.delete(copy.resolve("data/spells.parquet"));
        List<String> lines = Files.readAllLines(csv);
        // Someone else's row twice: no named pseudonym remains, yet these are not the release's rows.
        Files.writeString(csv, lines.get(1) + "\n", StandardOpenOption.APPEND);
        int released = Files.readAllLines(release.extract().resolve("data/spells.csv")).size() - 1;

        Result ack = release.ack(copy.toString());

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(ack.err()).contains("/tre/more-rows holds " + released + " rows of spells in data/spells.csv, more"
                + " than the " + (released - 1) + " left of the " + released + " released once the notice's rows are"
                + " deleted: it is not that release's spells cleaned of them");
    }
}
