package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.governance.GovernanceSchema;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * {@code trex verify} reports a date of birth in the files around an extract's data (its lineage, its README)
 * without repeating it, in figures or in words: without the source, any whole date 18 years or more before the run's
 * as-of date; with it, only a date that is one of its people's dates of birth. A real extract, whose lineage holds its
 * own dates, passes, as does a period its lineage declares as loaded, however old.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyFindsDatesOfBirthAroundTheDataTest {
    private static final String LOOKS_LIKE = "what looks like a date of birth (a whole date 18 years or more before"
            + " the run's as-of date)";
    private static final String IN_SOURCE = "the date of birth of a person in the source";

    private static final ObjectMapper JSON = new ObjectMapper();

    // Static: an instance field is not injected before @BeforeAll.
    @TempDir
    static Path root;

    DatabaseUrl url;
    Path extract;
    Path board;
    LocalDate someonesBirth;
    int copies;

    @BeforeAll
    void run() {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 7);
        Workspace workspace = Workspace.create(root.resolve("work"), url);
        assertThat(workspace.approve("IGB-BIRTH").code()).isEqualTo(ExitCode.OK);
        Result run = workspace.run();
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        extract = workspace.published().get(0);
        board = workspace.boardFile();
        someonesBirth = LocalDate.parse(Sql.strings(url, "SELECT date_of_birth::text FROM social_care.person"
                + " ORDER BY person_id LIMIT 1").get(0));
        assertThat(someonesBirth).isBefore(Workspace.AS_OF.minusYears(18));
    }

    private Result verify(Path directory, String... database) {
        List<String> args = new ArrayList<>(List.of("verify", directory.toString(), "--board",
                board.toString()));
        args.addAll(List.of(database));
        return Workspace.trex(args.toArray(String[]::new));
    }

    @Test
    void theRealExtractPassesWithAndWithoutTheSource() {
        Result offline = verify(extract);
        Result online = verify(extract, "--database-url", url.jdbcUrl());

        assertThat(offline.code()).as(offline.all()).isEqualTo(ExitCode.OK);
        assertThat(online.code()).as(online.all()).isEqualTo(ExitCode.OK);
        assertThat(offline.out() + online.out()).doesNotContain("date of birth");
    }

    @Test
    void aDateOfBirthPlantedInTheLineageLogIsReportedWithoutIt() throws IOException {
        Path copy = copy();
        Path log = copy.resolve("lineage/openlineage.ndjson");
        List<String> lines = Files.readAllLines(log);
        String planted = lines.get(0).replace("\"eventType\":\"START\"",
                "\"eventType\":\"START\",\"note\":\"born " + someonesBirth + "\"");
        assertThat(planted).isNotEqualTo(lines.get(0));
        Files.write(log, Stream.concat(Stream.of(planted), lines.stream().skip(1)).toList());

        Result offline = verify(copy);
        Result online = verify(copy, "--database-url", url.jdbcUrl());

        assertThat(offline.code()).as(offline.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(offline.out()).contains("FAIL Cannot verify lineage/openlineage.ndjson: line 1 holds " + LOOKS_LIKE
                + "\n");
        assertThat(online.out()).contains("FAIL Cannot verify lineage/openlineage.ndjson: line 1 holds " + IN_SOURCE
                + "\n");
        assertThat(offline.all() + online.all()).doesNotContain(someonesBirth.toString());
    }

    @Test
    void aDatabaseOfGovernanceTablesAloneTakesEveryOldDateForOne() throws IOException {
        DatabaseUrl governanceOnly = TestDatabase.fresh();
        GovernanceSchema.migrate(governanceOnly);
        Path copy = copy();
        Path report = copy.resolve("lineage/report.md");
        Files.writeString(report, Files.readString(report) + "\nReviewed with the person born " + someonesBirth + "\n");

        Result online = verify(copy, "--database-url", governanceOnly.jdbcUrl());

        assertThat(online.code()).as(online.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(online.out()).contains("DATES OF BIRTH: looked for as look-alikes, not in the source: "
                + governanceOnly.redacted() + " holds no source tables; only whole dates 18 years or more before the"
                + " run's as-of date count, so a child's is not found\n")
                .contains("FAIL Cannot verify lineage/report.md: line ").contains(LOOKS_LIKE)
                .doesNotContain(someonesBirth.toString());
        assertThat(online.err()).doesNotContain("Cannot look up dates of birth");
    }

    @Test
    void aDayFirstDateOfBirthInTheLineageReportIsReported() throws IOException {
        Path copy = copy();
        Path report = copy.resolve("lineage/report.md");
        String dayFirst = someonesBirth.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        Files.writeString(report, Files.readString(report) + "\nReviewed with the person born " + dayFirst + "\n");
        int line = Files.readAllLines(report).size();

        Result offline = verify(copy);

        assertThat(offline.code()).as(offline.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(offline.out()).contains("FAIL Cannot verify lineage/report.md: line " + line + " holds "
                + LOOKS_LIKE + "\n").doesNotContain(dayFirst);
    }

    @Test
    void aDateOfBirthWrittenInWordsInTheReadmeIsReportedWithoutIt() throws IOException {
        Path copy = copy();
        Path readme = copy.resolve("README.md");
        String inWords = someonesBirth.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        Files.writeString(readme, Files.readString(readme) + "\nAsked for by the person born " + inWords + "\n");
        int line = Files.readAllLines(readme).size();

        Result offline = verify(copy);
        Result online = verify(copy, "--database-url", url.jdbcUrl());

        assertThat(offline.code()).as(offline.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(offline.out()).contains("FAIL Cannot verify README.md: line " + line + " holds " + LOOKS_LIKE
                + "\n");
        assertThat(online.code()).as(online.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(online.out()).contains("FAIL Cannot verify README.md: line " + line + " holds " + IN_SOURCE
                + "\n");
        assertThat(offline.all() + online.all()).doesNotContain(inWords);
    }

    @Test
    void withTheSourceAnOldDateNoOneWasBornOnIsNotADateOfBirth() throws IOException {
        LocalDate noOnes = LocalDate.of(1901, 1, 1);
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.person WHERE date_of_birth = '" + noOnes + "'")
                + Sql.count(url, "SELECT count(*) FROM health.inpatient_spell WHERE date_of_birth = '" + noOnes + "'"))
                .isZero();
        Path copy = copy();
        Path report = copy.resolve("lineage/report.md");
        Files.writeString(report, Files.readString(report) + "\nThe council's records begin on " + noOnes + "\n");

        Result offline = verify(copy);
        Result online = verify(copy, "--database-url", url.jdbcUrl());

        assertThat(offline.out()).contains("lineage/report.md: line ").contains(LOOKS_LIKE);
        // It still fails, on the changed file's digest, but takes the date for no one's date of birth.
        assertThat(online.code()).as(online.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(online.out()).contains("FAIL Cannot verify lineage/report.md: SHA-256 is ")
                .doesNotContain("date of birth");
    }

    @Test
    void anOldPeriodTheLineageDeclaresIsNoDateOfBirth() throws IOException {
        Path copy = copy();
        Path log = copy.resolve("lineage/openlineage.ndjson");
        List<String> lines = Files.readAllLines(log);
        ObjectNode start = (ObjectNode) JSON.readTree(lines.get(0));
        String period = "2001-04-01/2002-03-31";
        ((ArrayNode) start.get("inputs")).addObject().putObject("facets").putObject("trex_load")
                .put("period", period);
        Files.write(log, Stream.concat(Stream.of(JSON.writeValueAsString(start)), lines.stream().skip(1)).toList());
        Path report = copy.resolve("lineage/report.md");
        Files.writeString(report, Files.readString(report) + "\nLoaded: " + period + "\n");

        Result offline = verify(copy);

        // It fails on the changed files' digests, but the loaded period is the run's own, not a date of birth.
        assertThat(offline.code()).as(offline.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(offline.out()).contains("FAIL Cannot verify lineage/report.md: SHA-256 is ")
                .doesNotContain("date of birth");
    }

    private synchronized Path copy() {
        return Workspace.copyOf(extract, root.resolve("copies").resolve("copy-" + ++copies));
    }
}
