package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A load replaces its own period and each loaded period it holds whole (a year's file the quarter loaded before it,
 * spells under {@code all} every period); a period that overlaps a loaded one without holding it whole is refused,
 * exit 2, nothing written: neither would replace the other's rows, so the rows in both would be kept twice. (A file's
 * path is matched by its end: the test folder's name is digits, which a message shows as [redacted].)
 */
class OverlappingPeriodsAreNotKeptTwiceTest {
    private static final String YEAR = "2024-04-01/2025-03-31";
    private static final String QUARTER = "2024-04-01/2024-06-30";

    @TempDir
    Path dir;

    @Test
    void everySpellReplacesTheLoadedPeriodsAndAPeriodIsThenRefused() {
        DatabaseUrl url = TestDatabase.fresh();
        Path spells = CldFile.hospital().row("", "S1").row("", "S2").write(dir.resolve("apc.csv"));
        assertThat(load(url, "hospital", spells, "--period", YEAR).code()).isEqualTo(ExitCode.OK);

        Result all = load(url, "hospital", spells);
        Result year = load(url, "hospital", spells, "--period", YEAR);

        assertThat(all.code()).as(all.all()).isEqualTo(ExitCode.OK);
        assertThat(all.out()).contains("It holds the loaded periods [" + YEAR + "] whole, and replaced their rows"
                + " too.");
        assertThat(year.code()).as(year.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(year.err()).startsWith("trex: Cannot load [").endsWith("apc.csv]: their period " + YEAR
                + " overlaps all, already loaded, without holding it whole, so the rows in both would be kept twice"
                + " (a load replaces its own period and each one it holds whole); load them under all, which"
                + " replaces it\n");
        assertThat(Sql.strings(url, "SELECT load_period FROM health.inpatient_spell")).containsExactly("all", "all");
        assertThat(Sql.strings(url, "SELECT period FROM source_load.current_file")).containsExactly("all");
    }

    @Test
    void aYearReplacesItsQuarterAndTheQuarterIsThenRefused() {
        DatabaseUrl url = TestDatabase.fresh();
        Path quarter = CldFile.socialCare().row("P1", "E1", period("2024-06-30")).write(dir.resolve("q1.csv"));
        Path year = CldFile.socialCare().row("P1", "E1").row("P2", "E2").write(dir.resolve("year.csv"));
        assertThat(load(url, "social-care", quarter).code()).isEqualTo(ExitCode.OK);

        Result whole = load(url, "social-care", year);
        Result again = load(url, "social-care", quarter);

        assertThat(whole.code()).as(whole.all()).isEqualTo(ExitCode.OK);
        assertThat(whole.out()).contains("Loaded 2 social-care rows for period " + YEAR + " in ").contains(
                "It holds the loaded periods [" + QUARTER + "] whole, and replaced their rows too.");
        assertThat(again.code()).as(again.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(again.err()).startsWith("trex: Cannot load [").endsWith("q1.csv]: their period " + QUARTER
                + " overlaps " + YEAR + ", already loaded, without holding it whole, so the rows in both would be kept"
                + " twice (a load replaces its own period and each one it holds whole); load the files of " + YEAR
                + " itself, or of a period that holds it whole\n");
        assertThat(Sql.strings(url, "SELECT event_reference || ' ' || load_period FROM social_care.event"
                + " ORDER BY 1")).containsExactly("E1 " + YEAR, "E2 " + YEAR);
        assertThat(Sql.strings(url, "SELECT period FROM source_load.current_file")).containsExactly(YEAR);
    }

    private static Map<String, String> period(String end) {
        return Map.of("Reporting_Period_End_Date", end);
    }

    private Result load(DatabaseUrl url, String source, Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("load", source, file.toString(), "--report",
                dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl()));
        args.addAll(List.of(options));
        return Workspace.trex(args.toArray(String[]::new));
    }
}
