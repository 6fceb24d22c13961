package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;

/**
 * {@code trex objections ack --copy} refuses, as bad input, a folder that is not a copy of the notice's release: one
 * whose manifest names another run (saying which), one with no manifest, one without the output the notice names,
 * one whose file of it is not that output, and one whose Parquet file of it was damaged partway through (its pages
 * overwritten, its footer whole) or cut short, as a file it cannot read is never taken to hold no row of the notice's
 * people; nothing is recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AckRefusesAFolderThatIsNotACopyOfTheReleaseTest {
    private ReleaseWithANotice release;

    @BeforeAll
    void release(@TempDir Path root) throws Exception {
        release = ReleaseWithANotice.create(root);
    }

    @AfterEach
    void nothingIsRecorded() throws Exception {
        release.assertStillOpen();
    }

    @Test
    void aCopyOfAnotherRunIsRefusedSayingWhichRunItIs() throws Exception {
        Path copy = cleaned("other-run");
        String run = release.extract().getFileName().toString();
        String other = UUID.randomUUID().toString();
        Path manifest = copy.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace(run, other));

        Result ack = release.ack(copy.toString());

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(ack.err()).contains("trex: Cannot acknowledge DN-000001: copy ", "/tre/other-run is of extract"
                + " discharge-delays run " + other + ", not of the notice's release: extract discharge-delays run "
                + run + "\n");
    }

    @Test
    void aFolderWithoutAManifestIsRefused() throws Exception {
        Path copy = cleaned("no-manifest");
        Files.delete(copy.resolve("manifest.json"));

        Result ack = release.ack(copy.toString());

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(ack.err()).contains("/tre/no-manifest has no manifest.json: it is not a copy of an extract as TREx"
                + " writes one");
    }

    @Test
    void aCopyWithoutTheOutputIsRefused() throws Exception {
        Path copy = cleaned("no-spells");
        Files.delete(copy.resolve("data/spells.csv"));
        Files.delete(copy.resolve("data/spells.parquet"));

        Result ack = release.ack(copy.toString());

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(ack.err()).contains("/tre/no-spells holds neither data/spells.csv nor data/spells.parquet, the"
                + " output the notice names");
    }

    @Test
    void aFileThatIsNotTheOutputIsRefused() throws Exception {
        Path copy = cleaned("placeholder");
        Files.writeString(copy.resolve("data/spells.csv"), "placeholder\n");
        Files.writeString(copy.resolve("data/spells.parquet"), "not parquet\n");

        Result ack = release.ack(copy.toString());

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(ack.err()).contains("/tre/placeholder holds data/spells.csv, but it has no column person");
    }

    @Test
    void aParquetFileWhosePagesWereOverwrittenIsRefused() throws Exception {
        Path copy = cleaned("pages-overwritten");
        Path parquet = copy.resolve("data/spells.parquet");
        long size = Files.size(parquet);
        // Past the four-byte magic number, up to the footer and its length and magic at the end: the pages alone.
        try (RandomAccessFile file = new RandomAccessFile(parquet.toFile(), "rw")) {
            file.seek(size - 8);
            int footer = Integer.reverseBytes(file.readInt());
            file.seek(4);
            file.write(new byte[(int) (size - 8 - footer - 4)]);
        }

        Result ack = release.ack(copy.toString());

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.BAD_INPUT);
        // The reason after it is Parquet's own, from whichever structure it met first.
        assertThat(ack.err()).contains("trex: Cannot acknowledge DN-000001: copy ", "/tre/pages-overwritten holds"
                + " data/spells.parquet, but it cannot be read as Parquet (");
    }

    @Test
    void aParquetFileCutShortIsRefused() throws Exception {
        Path copy = cleaned("cut-short");
        try (RandomAccessFile file = new RandomAccessFile(copy.resolve("data/spells.parquet").toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }

        Result ack = release.ack(copy.toString());

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(ack.err()).contains("/tre/cut-short holds data/spells.parquet, but it is not a Parquet file\n");
    }

    private Path cleaned(String name) {
        Path copy = release.copy(name);
        DemoCopy.deleteFromCsv(copy.resolve("data/spells.csv"), "person", Set.of(release.pseudonym()));
        DemoCopy.deleteFromParquet(copy.resolve("data/spells.parquet"), "person", Set.of(release.pseudonym()));
        return copy;
    }
}
