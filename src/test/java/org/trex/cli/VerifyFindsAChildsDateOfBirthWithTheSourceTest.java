package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * Hospital data holds children: with the source to ask, {@code trex verify} refuses an extract whose files around the
 * data hold a child's date of birth from the source, however recent; without it, only dates old enough to be an
 * adult's are looked for, so the same extract passes, and the output says so.
 */
class VerifyFindsAChildsDateOfBirthWithTheSourceTest {
    @TempDir
    Path root;

    @Test
    void aSixYearOldsDateOfBirthInTheReadmeFailsWithTheSourceOnly() throws IOException {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 11);
        LocalDate childsBirth = Workspace.AS_OF.minusYears(6).minusDays(47);
        Sql.execute(url, "UPDATE health.inpatient_spell SET date_of_birth = '" + childsBirth + "'"
                + " WHERE spell_id = (SELECT min(spell_id) FROM health.inpatient_spell)");
        Workspace workspace = Workspace.create(root.resolve("work"), url);
        // An analyst's purpose that names the child whose case started the evaluation: approved and run as written.
        String spec = Files.readString(workspace.spec);
        String named = spec.replace("Service evaluation of delays", "Service evaluation, after the case of the child"
                + " born " + childsBirth + ", of delays");
        assertThat(named).isNotEqualTo(spec);
        Files.writeString(workspace.spec, named);
        assertThat(workspace.approve("IGB-CHILD").code()).isEqualTo(ExitCode.OK);
        Result run = workspace.run();
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        Path extract = workspace.published().get(0);
        List<String> readme = Files.readAllLines(extract.resolve("README.md"));
        int line = IntStream.range(0, readme.size()).filter(i -> readme.get(i).contains(childsBirth.toString()))
                .findFirst().orElseThrow() + 1;

        Result offline = verify(workspace, extract);
        Result online = verify(workspace, extract, "--database-url", url.jdbcUrl());

        assertThat(offline.code()).as(offline.all()).isEqualTo(ExitCode.OK);
        assertThat(offline.out()).contains("DATES OF BIRTH: looked for as look-alikes, not in the source: no"
                + " --database-url; only whole dates 18 years or more before the run's as-of date count, so a child's"
                + " is not found\n");
        assertThat(online.code()).as(online.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(online.out()).contains("DATES OF BIRTH: looked up in the source " + url.redacted() + ", every"
                + " whole date the lineage does not declare as the run's own\n")
                .contains("FAIL Cannot verify README.md: line " + line + " holds the date of birth of a person in"
                        + " the source\n");
        // Nothing else fails: the extract is as the run wrote it.
        assertThat(online.out().lines().filter(l -> l.startsWith("FAIL ")))
                .allMatch(l -> l.endsWith(" holds the date of birth of a person in the source"));
        assertThat(offline.all() + online.all()).doesNotContain(childsBirth.toString());
    }

    private static Result verify(Workspace workspace, Path extract, String... database) {
        return Workspace.trex(Stream.concat(Stream.of("verify", extract.toString(), "--board",
                workspace.boardFile().toString()), Stream.of(database)).toArray(String[]::new));
    }
}
