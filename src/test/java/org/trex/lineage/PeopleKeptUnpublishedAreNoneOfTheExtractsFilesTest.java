package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.extract.ExtractDirectory;
import org.trex.extract.Manifest;

/**
 * A run keeps the people of its outputs in staging, unpublished, until the release register has read them: they are
 * none of the extract's files, so its manifest does not list them and the run's scan of the files around its data
 * does not read them (at council size, hundreds of thousands of lines read in seconds before every publish).
 */
class PeopleKeptUnpublishedAreNoneOfTheExtractsFilesTest {
    @TempDir
    Path dir;

    @Test
    void theScanAndTheManifestPassThePeopleKeptUnpublished() throws Exception {
        SampleExtract.write(dir);
        Path people = Files.createDirectories(dir.resolve(ExtractDirectory.UNPUBLISHED).resolve("data-people-spells"));
        // What the scan would refuse anywhere around the data: a date run together, as a pseudonym's digits may be.
        Files.writeString(people.resolve("part-00000.tsv"), "born 19390702\t2\n");

        assertThat(Manifest.listFiles(dir)).isNotEmpty().noneMatch(path -> path.startsWith(".unpublished"));
        assertThat(ExtractVerifier.personalData(dir)).isEmpty();
    }
}
