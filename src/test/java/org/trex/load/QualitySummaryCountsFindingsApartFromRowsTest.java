package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestDatabase;

/**
 * The summary's counts by rule are of findings, and says so: a spell discharged before its admission and before its
 * ready date is one row quarantined and two findings, which read as two rows quarantined beside "1 quarantined".
 */
class QualitySummaryCountsFindingsApartFromRowsTest {
    @TempDir
    Path dir;

    @Test
    void theCountsByRuleAreNamedAsFindings() {
        Path file = CldFile.hospital().row("", "S1").row("", "S2", Map.of("Discharge_Date_Hospital_Provider_Spell",
                "2024-04-30", "Discharge_Ready_Date", "2024-05-02", "NHS_Number", "1234567890"))
                .write(dir.resolve("apc.csv"));

        LoadOutcome outcome = Loads.load(TestDatabase.fresh(), SourceKind.HOSPITAL, file);

        assertThat(outcome.report().summary()).containsExactly(String.format("%s: 2 rows read, 1 loaded, 1"
                + " quarantined (SHA-256 %s)", file, outcome.report().files().get(0).sha256()),
                "  findings by rule (a row may break several; flagged rows are loaded):",
                "  quarantine        2 DATES_OUT_OF_ORDER: a date falls before the date it must follow",
                "  flag             1 INVALID_NHS_NUMBER: not ten digits with a correct check digit, or one digit ten"
                        + " times (a placeholder): loaded as given, left out of extracts");
    }
}
