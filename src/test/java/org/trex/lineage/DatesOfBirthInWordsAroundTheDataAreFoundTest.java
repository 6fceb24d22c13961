package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A date of birth written in words in the files around an extract's data (its README, its lineage report) is found as
 * one in figures is, without the source (an adult's) and with it (the source's fake here knows one person's), and the
 * message does not repeat it. A date in words no one in the source was born on is none with the source, and an old
 * one without it.
 */
class DatesOfBirthInWordsAroundTheDataAreFoundTest {
    private static final LocalDate BORN = LocalDate.of(1939, 7, 2);
    /** The source's fake: of the dates asked about, someone was born on {@link #BORN} alone. */
    private static final BirthDates IN_SOURCE = BirthDates.inSource(
            dates -> dates.stream().filter(BORN::equals).collect(Collectors.toSet()));

    @TempDir
    Path dir;

    @BeforeEach
    void writeExtract() throws Exception {
        SampleExtract.write(dir);
    }

    @Test
    void dayFirstInTheReadmeIsFound() throws Exception {
        Files.writeString(dir.resolve("README.md"), "# Data dictionary\n\nAsked for by the person born 2 July 1939.\n");

        assertThat(ExtractVerifier.personalData(dir))
                .containsExactly("Cannot verify README.md: line 3 holds " + BirthDates.LOOK_ALIKES.what());
        assertThat(ExtractVerifier.verify(dir, IN_SOURCE))
                .contains("Cannot verify README.md: line 3 holds " + IN_SOURCE.what())
                .noneMatch(problem -> problem.contains("July") || problem.contains("1939"));
    }

    @Test
    void monthFirstAndOrdinalsInTheLineageReportAreFound() throws Exception {
        Path report = dir.resolve("lineage/report.md");
        Files.writeString(report, Files.readString(report) + "\nReviewed with the person born July 2nd, 1939\n");
        int line = Files.readAllLines(report).size();

        assertThat(ExtractVerifier.verify(dir, IN_SOURCE))
                .contains("Cannot verify lineage/report.md: line " + line + " holds " + IN_SOURCE.what());
    }

    @Test
    void aDateInWordsNoOneInTheSourceWasBornOnIsNone() throws Exception {
        Files.writeString(dir.resolve("README.md"), "# Data dictionary\n\nThe records begin on 1 January 1901.\n");

        assertThat(ExtractVerifier.verify(dir, IN_SOURCE)).noneMatch(problem -> problem.contains("date of birth"));
        assertThat(ExtractVerifier.personalData(dir))
                .containsExactly("Cannot verify README.md: line 3 holds " + BirthDates.LOOK_ALIKES.what());
    }
}
