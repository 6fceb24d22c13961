package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestDatabase;

/**
 * The quality report (file and summary) never shows an NHS number, person identifier, date of birth or death,
 * postcode or free text, even from the rows it quarantines or flags, nor a value not on its column's list (a
 * column mapped wrongly holds a person's data there); for a value that differs from a listed code in case or
 * spacing alone, it names the listed code.
 */
class QualityReportHoldsNoPersonalValueTest {
    private static final List<String> PERSONAL =
            List.of("SECRET-ID-77", "SECRET-ID-78", "SECRET-ID-79", "1234567890", "1950-02-31", "12/07/1931",
            "ZZ9 9ZQ", "Lives with daughter Mrs Example", "1931-07-12", "9990000018", "Mrs Jane Example",
            "Mrs", "Jane", "SECRET-ID-80", "female ");

    @TempDir
    Path dir;

    @Test
    void noPersonalValueAppearsInTheReport() throws Exception {
        Path file = CldFile.socialCare()
                .row("SECRET-ID-77", "E1", Map.of("NHS_Number", "1234567890", "Date_of_Birth", "1950-02-31",
                        "Postcode", "ZZ9 9ZQ", "Assessment_Type", "Lives with daughter Mrs Example"))
                .row("SECRET-ID-78", "E2", Map.of("Date_of_Death", "12/07/1931", "Postcode", "ZZ9 9ZQ",
                        "Gender", "Mrs Jane Example"))
                .row("SECRET-ID-79", "E3", Map.of("Date_of_Birth", "1931-07-12"))
                .row("SECRET-ID-79", "E4", Map.of("Date_of_Birth", "1931-07-13", "NHS_Number", "9990000026"))
                .row("SECRET-ID-80", "E5", Map.of("Gender", "female "))
                .write(dir.resolve("cld.csv"));
        Path report = dir.resolve("report.csv");

        LoadOutcome outcome = Loads.load(TestDatabase.fresh(), SourceKind.SOCIAL_CARE, file);
        outcome.report().write(report);
        StringWriter summary = new StringWriter();
        outcome.report().summary().forEach(new PrintWriter(summary)::println);

        String written = Files.readString(report) + summary;
        assertThat(outcome.report().findings()).extracting(Finding::rule).contains(QualityRule.INVALID_NHS_NUMBER,
                QualityRule.UNREADABLE_DATE, QualityRule.DATES_OUT_OF_ORDER, QualityRule.UNKNOWN_CODE,
                QualityRule.PERSON_FIELDS_DISAGREE);
        assertThat(outcome.report().findings()).filteredOn(f -> f.rule() == QualityRule.UNKNOWN_CODE)
                .extracting(Finding::line, Finding::code)
                .containsExactly(tuple(3L, Optional.empty()), tuple(6L, Optional.of("Female")));
        assertThat(written).contains("UNKNOWN_CODE,quarantine,Female");
        PERSONAL.forEach(value -> assertThat(written).doesNotContain(value));
    }
}
