package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;

/**
 * {@code trex objections ack --copy} refuses, as bad input, a cleaned copy whose Parquet file was damaged partway
 * through (its pages overwritten, its footer whole) or cut short, saying which file and that it cannot be read, and
 * records nothing: a file it cannot read is never taken to hold no row of the notice's people.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AckRefusesACopyWhoseParquetIsCorruptTest {
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
    void aParquetFileWhosePagesWereOverwrittenIsRefused() throws Exception {
        Path copy = cleaned("pages-overwritten");
        Path parquet = copy.resolve("data/spells.parquet");
        long size = Files.size(parquet);
        // Past the four-byte magic number, up to the footer's length and magic at the end: the pages alone.
        try (RandomAccessFile file = new RandomAccessFile(parquet.toFile(), "rw")) {
            int footer = Integer.reverseBytes(readIntAt(file, size - 8));
            long pages = size - 8 - footer - 4;
            file.seek(4);
            file.write(new byte[(int) pages]);
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
        Path parquet = copy.resolve("data/spells.parquet");
        try (RandomAccessFile file = new RandomAccessFile(parquet.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }

        Result ack = release.ack(copy.toString());

        assertThat(ack.code()).as(ack.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(ack.err()).contains("/tre/cut-short holds data/spells.parquet, but it is not a Parquet file\n");
    }

    private static int readIntAt(RandomAccessFile file, long position) throws Exception {
        file.seek(position);
        return file.readInt();
    }

    private Path cleaned(String name) {
        Path copy = release.copy(name);
        DemoCopy.deleteFromCsv(copy.resolve("data/spells.csv"), "person", Set.of(release.pseudonym()));
        DemoCopy.deleteFromParquet(copy.resolve("data/spells.parquet"), "person", Set.of(release.pseudonym()));
        return copy;
    }
}
