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
 * Social care files state their reporting period, so a {@code --period} other than theirs is refused, exit 2, and
 * nothing is written: under another label the same rows could be loaded again under their own, and kept twice.
 * Files of several periods load as one only under their span, from the first day to the last. (A file's path is
 * matched by its end: the test folder's name is digits, which a message shows as [redacted].)
 */
class PeriodOtherThanTheFilesStateIsRefusedTest {
    private static final String STATED = "2024-04-01/2025-03-31";

    @TempDir
    Path dir;

    @Test
    void aPeriodOtherThanTheOneTheFileStatesIsRefused() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare().row("P1", "E1").row("P2", "E2").write(dir.resolve("cld.csv"));
        assertThat(load(url, file).code()).isEqualTo(ExitCode.OK);

        Result other = load(url, file, "--period", "2024-01-01/2024-12-31");
        Result same = load(url, file, "--period", STATED);

        assertThat(other.code()).as(other.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(other.err()).startsWith("trex: Cannot load [").endsWith("cld.csv]: --period"
                + " '2024-01-01/2024-12-31' is not the reporting period they state, " + STATED + "; write it as "
                + STATED + ", or leave --period out\n");
        assertThat(same.code()).as(same.all()).isEqualTo(ExitCode.OK);
        assertThat(same.out()).contains("Loaded 2 social-care rows for period " + STATED);
        assertThat(Sql.strings(url, "SELECT DISTINCT load_period FROM social_care.event")).containsExactly(STATED);
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.event")).isEqualTo(2);
    }

    @Test
    void filesOfSeveralPeriodsLoadAsOneOnlyUnderTheirSpan() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare().row("P1", "E1", quarter("2024-04-01", "2024-06-30"))
                .row("P2", "E2", quarter("2024-07-01", "2024-09-30")).write(dir.resolve("cld.csv"));
        String quarters = "[2024-04-01/2024-06-30, 2024-07-01/2024-09-30]";

        Result unnamed = load(url, file);
        Result one = load(url, file, "--period", "2024-04-01/2024-06-30");
        Result span = load(url, file, "--period", "2024-04-01/2024-09-30");

        assertThat(unnamed.code()).as(unnamed.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unnamed.err()).startsWith("trex: Cannot load [").endsWith("cld.csv]: they hold 2 reporting periods "
                + quarters + ", expected one; load each period's file alone, or load them as one, --period"
                + " 2024-04-01/2024-09-30\n");
        assertThat(one.code()).as(one.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(one.err()).startsWith("trex: Cannot load [").endsWith("cld.csv]: --period '2024-04-01/2024-06-30'"
                + " is not the reporting period they state, 2 of them " + quarters + "; load each period's file alone,"
                + " or load them as one, --period 2024-04-01/2024-09-30\n");
        assertThat(span.code()).as(span.all()).isEqualTo(ExitCode.OK);
        assertThat(Sql.strings(url, "SELECT DISTINCT load_period FROM social_care.event"))
                .containsExactly("2024-04-01/2024-09-30");
    }

    private static Map<String, String> quarter(String start, String end) {
        return Map.of("Reporting_Period_Start_Date", start, "Reporting_Period_End_Date", end);
    }

    private Result load(DatabaseUrl url, Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("load", "social-care", file.toString(), "--report",
                dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl()));
        args.addAll(List.of(options));
        return Workspace.trex(args.toArray(String[]::new));
    }
}
