package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A file cut short mid-row (a truncated transfer) is refused whole: a load replaces its period, and the rows before
 * the cut are not the period. A valid file that merely lacks its final line break loads.
 */
class FileCutShortMidRowIsRefusedTest {
    @TempDir
    Path dir;

    @Test
    void aFileEndingMidRowIsRefusedAndThePeriodKept() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Loads.load(url, SourceKind.HOSPITAL, CldFile.hospital().row("", "S1").write(dir.resolve("first.csv")));
        Path whole = CldFile.hospital().row("", "S1").row("", "S2").row("", "S3").write(dir.resolve("whole.csv"));
        String text = Files.readString(whole, StandardCharsets.UTF_8).stripTrailing();
        Path cut = dir.resolve("cut.csv");
        // the cut falls inside the last row's first fields, as a dropped transfer leaves it
        Files.writeString(cut, text.substring(0, text.lastIndexOf('\n') + 12), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Loads.load(url, SourceKind.HOSPITAL, cut))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessage("Cannot load " + cut + ": it ends mid-row at line 4 (a truncated file?)");
        assertThat(Sql.strings(url, "SELECT count(*)::text FROM health.inpatient_spell")).containsExactly("1");
    }

    @Test
    void aValidFileWithoutItsFinalLineBreakLoads() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path whole = CldFile.hospital().row("", "S1").row("", "S2").write(dir.resolve("whole.csv"));
        Path unbroken = dir.resolve("unbroken.csv");
        Files.writeString(unbroken, Files.readString(whole, StandardCharsets.UTF_8).stripTrailing(),
                StandardCharsets.UTF_8);

        LoadOutcome outcome = Loads.load(url, SourceKind.HOSPITAL, unbroken);

        assertThat(outcome.report().rowsLoaded()).isEqualTo(2);
        assertThat(Sql.strings(url, "SELECT count(*)::text FROM health.inpatient_spell")).containsExactly("2");
    }
}
