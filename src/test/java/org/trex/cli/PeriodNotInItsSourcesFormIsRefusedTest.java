package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * {@code trex load --period} takes a period only in its source's form (social care's and spells' first and last days,
 * spells' and objections' all), so one file cannot be loaded under two labels of one period (2024-25 and 2024/25);
 * any other is refused, exit 2, before anything is written.
 */
class PeriodNotInItsSourcesFormIsRefusedTest {
    private static final String STATED = "2024-04-01/2025-03-31";

    @TempDir
    Path dir;

    @Test
    void socialCareTakesOnlyAReportingPeriodAndTheFirstLoadStaysAsItWas() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare().row("P1", "E1").row("P2", "E2").write(dir.resolve("cld.csv"));
        assertThat(load(url, "social-care", file).code()).isEqualTo(ExitCode.OK);

        for (String period : List.of("2024-25", "2024/25", "FY2024", "2024-04-01")) {
            Result load = load(url, "social-care", file, "--period", period);

            assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(load.err()).isEqualTo("trex: Cannot load social-care files: --period '" + period
                    + "' is not a CLD reporting period; write it as its first and last days, YYYY-MM-DD/YYYY-MM-DD,"
                    + " such as 2024-04-01/2025-03-31, as the files' Reporting_Period_Start_Date and"
                    + " Reporting_Period_End_Date give it, or leave --period out to take theirs\n");
        }
        assertThat(Sql.strings(url, "SELECT DISTINCT load_period FROM social_care.event")).containsExactly(STATED);
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.event")).isEqualTo(2);
    }

    @Test
    void aPeriodOfNoCalendarDaysOrLongerThanAYearIsNoReportingPeriod() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare().row("P1", "E1").write(dir.resolve("cld.csv"));

        Result twoYears = load(url, "social-care", file, "--period", "2024-04-01/2026-03-31");
        Result noSuchDay = load(url, "social-care", file, "--period", "2024-04-01/2025-02-30");

        assertThat(twoYears.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(twoYears.err()).startsWith("trex: Cannot load social-care files: --period '2024-04-01/2026-03-31'"
                + " is not a CLD reporting period (it runs 730 days, where a period runs from 28 days to a year);"
                + " write it as its first and last days");
        assertThat(noSuchDay.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noSuchDay.err()).startsWith("trex: Cannot load social-care files: --period"
                + " '2024-04-01/2025-02-30' is not a CLD reporting period; write it as");
    }

    @Test
    void spellsTakeAReportingPeriodOrAll() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.hospital().row("", "S1").row("", "S2").write(dir.resolve("apc.csv"));

        Result free = load(url, "hospital", file, "--period", "2024-25");
        Result dated = load(url, "hospital", file, "--period", STATED);
        Result whole = load(url, "hospital", file, "--period", "all");

        assertThat(free.code()).as(free.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(free.err()).isEqualTo("trex: Cannot load hospital files: --period '2024-25' is not a period of"
                + " spells; write it as its first and last days, YYYY-MM-DD/YYYY-MM-DD, such as 2024-04-01/2025-03-31,"
                + " or as all (every spell, as without --period)\n");
        assertThat(dated.code()).as(dated.all()).isEqualTo(ExitCode.OK);
        assertThat(dated.out()).contains("Loaded 2 hospital rows for period " + STATED);
        assertThat(whole.code()).as(whole.all()).isEqualTo(ExitCode.OK);
        assertThat(whole.out()).contains("Loaded 2 hospital rows for period all");
    }

    @Test
    void theObjectionRegisterIsLoadedWhole() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.objections().row("P1", "").write(dir.resolve("objections.csv"));

        Result load = load(url, "objections", file, "--period", STATED);

        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(load.err()).isEqualTo("trex: Cannot load objections files: --period '" + STATED + "' is not a"
                + " period of the objection register, which is loaded whole; write it as all, or leave --period out\n");
    }

    private Result load(DatabaseUrl url, String source, Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("load", source, file.toString(), "--report",
                dir.resolve("report.csv").toString(), "--database-url", url.jdbcUrl()));
        args.addAll(List.of(options));
        return Workspace.trex(args.toArray(String[]::new));
    }
}
