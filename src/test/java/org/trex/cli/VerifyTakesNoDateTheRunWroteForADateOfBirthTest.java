package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.load.CldFile;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * With the source, {@code trex verify} looks up every date around an extract's data, however recent, but never one
 * the run wrote itself (its as-of date, the opt-out list's date, its window, its loads, its approval's recording and
 * expiry, its own times): an extract as a run wrote it verifies even when people in the source were born on each of
 * those days.
 */
class VerifyTakesNoDateTheRunWroteForADateOfBirthTest {
    // Any date, a time's day too, as the run wrote it: more than verify looks at, so none of the run's is missed.
    private static final Pattern ANY_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    @TempDir
    Path root;

    @Test
    void anExtractAsTheRunWroteItVerifiesWhenSomeoneWasBornOnEachOfItsDates() throws IOException {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 13);
        Path spells = CldFile.hospital().row("", "OWN-1").row("", "OWN-2").write(root.resolve("apc.csv"));
        Result load = Workspace.trex("load", "hospital", spells.toString(), "--report",
                root.resolve("report.csv").toString(), "--database-url", url.jdbcUrl());
        assertThat(load.code()).as(load.all()).isEqualTo(ExitCode.OK);
        Workspace workspace = Workspace.create(root.resolve("work"), url);
        LocalDate expires = Workspace.AS_OF.plusYears(1);
        assertThat(workspace.approve("IGB-OWN", "--expires", expires.toString()).code()).isEqualTo(ExitCode.OK);
        Result run = workspace.run();
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        Path extract = workspace.published().get(0);
        Set<LocalDate> dates = datesAroundTheData(extract);
        assertThat(dates).contains(Workspace.AS_OF, expires, LocalDate.of(2024, 4, 1),
                LocalDate.now(ZoneOffset.UTC));
        // Each of the run's dates is now a date of birth in the source, a spell's.
        List<String> ids = Sql.strings(url, "SELECT spell_id::text FROM health.inpatient_spell ORDER BY spell_id"
                + " LIMIT " + dates.size());
        int i = 0;
        for (LocalDate date : dates) {
            Sql.execute(url, "UPDATE health.inpatient_spell SET date_of_birth = '" + date + "' WHERE spell_id = "
                    + ids.get(i++));
        }

        Result verify = Workspace.trex("verify", extract.toString(), "--board", workspace.boardFile().toString(),
                "--database-url", url.jdbcUrl());

        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).contains("DATES OF BIRTH: looked up in the source " + url.redacted())
                .doesNotContain("FAIL ");
    }

    private static Set<LocalDate> datesAroundTheData(Path extract) throws IOException {
        Set<LocalDate> dates = new TreeSet<>();
        for (Path file : Workspace.files(extract)) {
            if (extract.relativize(file).startsWith("data")) {
                continue;
            }
            Matcher date = ANY_DATE.matcher(Files.readString(file));
            while (date.find()) {
                try {
                    dates.add(LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                            Integer.parseInt(date.group(3))));
                } catch (DateTimeException e) {
                    // Digits that are no calendar date, in a hash or a signature: no one's date of birth.
                }
            }
        }
        return dates;
    }
}
