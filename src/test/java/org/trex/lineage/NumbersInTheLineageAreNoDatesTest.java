package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lineage's numbers are TREx's counts and sizes, so one whose digits read as a date run together (19390702) is no
 * date of birth; the same digits in its text are one, as they are in the README.
 */
class NumbersInTheLineageAreNoDatesTest {
    private static final String COUNT = "\"rowsLeftOut\":2135";

    @TempDir
    Path dir;

    @BeforeEach
    void writeExtract() throws Exception {
        SampleExtract.write(dir);
    }

    @Test
    void aCountThatReadsAsADateIsNone() throws Exception {
        Path log = dir.resolve(LineageLog.PATH);
        assertThat(Files.readString(log)).contains(COUNT);
        Files.writeString(log, Files.readString(log).replace(COUNT, "\"rowsLeftOut\":19390702"));

        assertThat(ExtractVerifier.personalData(dir)).isEmpty();
    }

    @Test
    void theSameDigitsInTheLineagesTextOrTheReadmeAreOne() throws Exception {
        Path log = dir.resolve(LineageLog.PATH);
        Files.writeString(log, Files.readString(log).replace(COUNT, COUNT + ",\"note\":\"born 19390702\""));
        Files.writeString(dir.resolve("README.md"), "# Data dictionary\n\nborn 19390702\n");

        assertThat(ExtractVerifier.personalData(dir)).containsExactly(
                "Cannot verify README.md: line 3 holds " + BirthDates.LOOK_ALIKES.what(),
                "Cannot verify lineage/openlineage.ndjson: line 2 holds " + BirthDates.LOOK_ALIKES.what());
    }
}
