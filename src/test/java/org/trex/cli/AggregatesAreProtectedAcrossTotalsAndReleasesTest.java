package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.disclosure.Additivity;
import org.trex.disclosure.AttackerCheck;
import org.trex.disclosure.Cell;
import org.trex.disclosure.CellKey;
import org.trex.disclosure.CellStatus;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.EarlierRelease;
import org.trex.disclosure.Interval;
import org.trex.disclosure.Margins;
import org.trex.disclosure.PartsOfWhole;
import org.trex.disclosure.Quantity;
import org.trex.disclosure.SmallCounts;
import org.trex.generate.SyntheticData;
import org.trex.governance.ReleaseLedger;
import org.trex.lineage.LineageLog;
import org.trex.nhs.NhsNumber;
import org.trex.source.DatabaseUrl;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;
import org.trex.testing.TestDatabase;

/**
 * End to end on PostgreSQL and Spark: an aggregate with totals over age band is published so that no suppressed
 * count can be worked out from the file itself (checked again from the published CSV alone, by an attacker who also
 * knows that discharges with social care at admission are some of the discharges); counts with a flag and with
 * its negation are never published beside their whole with only one of them blank; and a second release
 * of the extract, one discharge more, suppresses the cells that changed by it, which its lineage does not give back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregatesAreProtectedAcrossTotalsAndReleasesTest {
    private static final List<String> MEASURES = List.of("discharges", "people", "with_social_care_at_admission");
    private static final String BY_BAND = "delays_by_band";

    DatabaseUrl url;

    @BeforeAll
    void generate() {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 11);
    }

    @Test
    void totalsGetComplementaryCellsAndNoSuppressedCountCanBeWorkedOut(@TempDir Path root) throws IOException {
        // Unrounded, a total minus the published cells would give a suppressed count back exactly; and the small
        // cells of a band, together, are too few to hide one another within a protection range of 20.
        Workspace workspace = Workspace.create(root, url, policy -> replaceOnce(replaceOnce(policy, "round_to: 5",
                "round_to: 1"), "protection_range: 7", "protection_range: 20"));
        withTotals(workspace);
        assertThat(workspace.approve("IGB-TOTALS").code()).isEqualTo(ExitCode.OK);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        Path published = workspace.published().get(0);
        List<Map<String, String>> rows = csv(published.resolve("data/" + BY_BAND + ".csv"));
        assertThat(rows).extracting(r -> r.get("age_band")).contains("Total");
        assertThat(rows).filteredOn(r -> r.get("age_band").equals("Total")).extracting(r -> r.get("delay_band"))
                .doesNotHaveDuplicates().contains("0", "1");
        String report = Files.readString(published.resolve("lineage/report.md"));
        assertThat(report).contains("complementary", "attacker check: from everything published");

        DisclosureRules rules = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1).withProtectionRange(20);
        Map<CellKey, Interval> intervals = attack(rows, rules);
        assertThat(intervals).as("suppressed cells").isNotEmpty();
        assertThat(intervals).allSatisfy((cell, interval) ->
                assertThat(interval.width()).as(cell + " " + interval).isGreaterThan(rules.protectionRange()));
    }

    @Test
    void aFlagAndItsNegationAreNeverBlankOneAtATimeBesideTheirWhole(@TempDir Path root) throws IOException {
        Workspace workspace = Workspace.create(root, url, policy -> replaceOnce(policy, "round_to: 5", "round_to: 1"));
        String spec = Files.readString(workspace.spec);
        Files.writeString(workspace.spec, replaceOnce(spec, "schedule:", """
                  - name: ready_by_age
                    kind: aggregate
                    dataset: inpatient_spell
                    group_by:
                      - {name: age_band, source: date_of_birth, form: age_band}
                    measures:
                      - {name: discharges, count: records}
                      - {name: on_ready_date, count: records, where: discharged_on_ready_date}
                      - {name: not_on_ready_date, count: records, where: not_discharged_on_ready_date}
                variables:
                  not_discharged_on_ready_date:
                    type: flag
                    description: Not discharged on the day they were ready to leave
                    not: {var: discharged_on_ready_date}
                schedule:"""));
        assertThat(workspace.approve("IGB-SPLIT").code()).isEqualTo(ExitCode.OK);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        List<Map<String, String>> rows = csv(workspace.published().get(0).resolve("data/ready_by_age.csv"));
        assertThat(rows).as("some count of an age band is small").anyMatch(r -> r.get("on_ready_date").isEmpty()
                || r.get("not_on_ready_date").isEmpty());
        // Unrounded, the whole less the part published is the part left blank.
        assertThat(rows).filteredOn(r -> !r.get("discharges").isEmpty()).allSatisfy(r ->
                assertThat(r.get("on_ready_date").isEmpty()).as(r.toString())
                        .isEqualTo(r.get("not_on_ready_date").isEmpty()));
    }

    @Test
    void aSecondReleaseOneDischargeLaterSuppressesTheCellsItChanged(@TempDir Path root) throws IOException,
            SQLException {
        Workspace workspace = Workspace.create(root, url);
        assertThat(workspace.approve("IGB-RELEASES").code()).isEqualTo(ExitCode.OK);
        Result first = workspace.run();
        assertThat(first.code()).as(first.all()).isEqualTo(ExitCode.OK);
        Path firstRun = workspace.published().get(0);
        CellKey changed = CellKey.of(BY_BAND, "discharges", Map.of("delay_band", "0", "age_band", "70-74"));
        assertThat(csv(firstRun.resolve("data/" + BY_BAND + ".csv"))).as("the cell is published in the first release")
                .anyMatch(r -> r.get("delay_band").equals("0") && r.get("age_band").equals("70-74")
                        && !r.get("discharges").isEmpty());

        addOneDischargeAged70To74WithNoDelay();
        Result second = workspace.run();

        assertThat(second.code()).as(second.all()).isEqualTo(ExitCode.OK);
        Path secondRun = workspace.published().stream().filter(p -> !p.equals(firstRun)).findFirst().orElseThrow();
        assertThat(csv(secondRun.resolve("data/" + BY_BAND + ".csv")))
                .filteredOn(r -> r.get("delay_band").equals("0") && r.get("age_band").equals("70-74"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("discharges")).as("suppressed in the second release").isEmpty());
        // The other test of this class releases the same extract in the same database: only this test's runs count.
        List<String> runs = List.of(firstRun.getFileName().toString(), secondRun.getFileName().toString());
        List<EarlierRelease> releases = new ReleaseLedger(url).history(Workspace.EXTRACT, "discharge-evaluation")
                .of(changed).stream().filter(release -> runs.contains(release.runId())).toList();
        assertThat(releases).hasSize(2);
        assertThat(releases.get(1).value() - releases.get(0).value()).isEqualTo(1);
        assertThat(releases.get(0).released()).isPresent();
        assertThat(releases.get(1).released()).isEmpty();
        // Markdown escapes the underscores.
        assertThat(Files.readString(secondRun.resolve("lineage/report.md"))).contains((changed + " "
                + CellStatus.DIFFERENCE.description() + ": differs from the release of run ").replace("_", "\\_"));
        theLineageGivesNoSuppressedTotalBack(secondRun, runs.get(1), workspace.boardFile());
    }

    /**
     * The summary's discharges, one more in the second release, are suppressed there as a difference: its lineage
     * gives the rows the summary counted neither exactly (it published them as the aggregate's rows out, and as its
     * OpenLineage row count) nor rounded, shows its rows in and left out as the policy shows counts, and verifies.
     */
    private void theLineageGivesNoSuppressedTotalBack(Path extract, String runId, Path board) throws IOException {
        CellKey total = CellKey.of("delays_summary", "discharges", Map.of());
        EarlierRelease summary = new ReleaseLedger(url).history(Workspace.EXTRACT, "discharge-evaluation").of(total)
                .stream().filter(release -> release.runId().equals(runId)).findFirst().orElseThrow();
        assertThat(summary.released()).as("the summary's discharges are suppressed").isEmpty();
        assertThat(Files.readString(extract.resolve("lineage/report.md"))).containsPattern("\\| delays\\\\_summary \\|"
                + " aggregate \\| [0-9,]*[05] \\| (&lt;=7|[0-9,]*[05]) \\| counted in its cells \\(1 group\\) \\|");
        JsonNode complete = LineageLog.read(extract.resolve("lineage/openlineage.ndjson")).stream()
                .filter(event -> event.path("eventType").asText().equals("COMPLETE")).findFirst().orElseThrow();
        JsonNode reconciled = complete.at("/run/facets/trex_reconciliation/outputs/3");
        assertThat(reconciled.path("name").asText()).isEqualTo("delays_summary");
        assertThat(reconciled.has("rowsOut")).isFalse();
        assertThat(reconciled.path("rowsIn").asLong() % 5).isZero();
        assertThat(complete.at("/outputs/3/outputFacets/outputStatistics/rowCount").asLong()).isEqualTo(1);
        Result verify = Workspace.trex("verify", extract.toString(), "--board", board.toString(), "--database-url",
                url.jdbcUrl());
        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.OK);
    }

    /** Adds {@code totals: [age_band]} to the spec's aggregate. */
    private static void withTotals(Workspace workspace) throws IOException {
        String spec = Files.readString(workspace.spec);
        String measures =
                "    measures:\n      - {name: discharges, count: records}\n      - {name: people, count: people}";
        Files.writeString(workspace.spec, replaceOnce(spec, measures, "    totals: [age_band]\n" + measures));
    }

    /**
     * Copies one cohort spell (aged 70 to 74, discharged on the day it was ready) for a new person, whom the latest
     * national allow list lets be used.
     */
    private void addOneDischargeAged70To74WithNoDelay() throws SQLException {
        String columns = "provider_code, date_of_birth, sex, ethnic_category, lsoa, admission_date, discharge_date,"
                + " admission_method, admission_source, patient_classification, treatment_function, discharge_method,"
                + " discharge_destination, discharge_ready_date";
        try (Connection connection = url.connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO health.inpatient_spell (spell_id,"
                        + " nhs_number, " + columns
                        + ") SELECT (SELECT max(spell_id) + 1 FROM health.inpatient_spell), ?, "
                        + columns + " FROM health.inpatient_spell WHERE discharge_date BETWEEN DATE '2024-04-01' AND"
                        + " DATE '2025-03-31' AND discharge_method IN ('1', '2', '3') AND discharge_ready_date = "
                        + "discharge_date AND date_of_birth BETWEEN (discharge_date - INTERVAL '74 "
                        + "years' + INTERVAL '1 "
                        + "day') AND (discharge_date - INTERVAL '71 years') ORDER BY spell_id LIMIT 1")) {
            String number = unusedNhsNumber(connection);
            insert.setString(1, number);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            try (PreparedStatement allow = connection.prepareStatement("INSERT INTO opt_out.national_data_allow_list"
                    + " (list_date, nhs_number) SELECT max(list_date), ? FROM opt_out.national_data_allow_list"
                    + " WHERE list_date <= ?")) {
                allow.setString(1, number);
                allow.setObject(2, Workspace.AS_OF);
                assertThat(allow.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static String unusedNhsNumber(Connection connection) throws SQLException {
        for (int serial = 123_456; ; serial++) {
            String nine = "999" + serial;
            int check = NhsNumber.checkDigit(nine);
            if (check < 0) {
                continue;
            }
            String number = nine + check;
            try (PreparedStatement used = connection.prepareStatement("SELECT (SELECT count(*) FROM "
                    + "health.inpatient_spell WHERE nhs_number = ?) + (SELECT count(*) FROM "
                    + "opt_out.national_data_allow_list WHERE nhs_number = ?) + (SELECT count(*) "
                    + "FROM social_care.person WHERE nhs_number = ?)")) {
                used.setString(1, number);
                used.setString(2, number);
                used.setString(3, number);
                try (ResultSet result = used.executeQuery()) {
                    result.next();
                    if (result.getLong(1) == 0) {
                        return number;
                    }
                }
            }
        }
    }

    /**
     * What an attacker infers from the published rows alone, and that a count with a flag is part of the count
     * without it: each blank count's interval.
     */
    private static Map<CellKey, Interval> attack(List<Map<String, String>> rows, DisclosureRules rules) {
        List<DecidedCell> decided = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Map<String, String> dimensions = new LinkedHashMap<>();
            for (String dimension : List.of("delay_band", "age_band")) {
                if (!row.get(dimension).equals("Total")) {
                    dimensions.put(dimension, row.get(dimension));
                }
            }
            for (String measure : MEASURES) {
                Quantity quantity = quantity(measure);
                String value = row.get(measure);
                // The true value of a published cell is unknown here and unused: the attacker has only what was
                // published.
                Cell cell = Cell.count(CellKey.of(BY_BAND, measure, dimensions), quantity, 0);
                decided.add(value.isEmpty()
                        ? new DecidedCell(cell, CellStatus.SMALL_COUNT, Optional.empty(), "blank")
                        : new DecidedCell(cell, CellStatus.PUBLISHED, Optional.of(Long.valueOf(value)), "published"));
            }
        }
        return new AttackerCheck(new SmallCounts(rules)).intervals(decided,
                Margins.relations(decided.stream().map(DecidedCell::cell).toList(), List.of(
                        PartsOfWhole.some(quantity("discharges"), quantity("with_social_care_at_admission")))));
    }

    private static Quantity quantity(String measure) {
        return new Quantity(measure, measure.equals("people") ? Additivity.BOUNDED : Additivity.EXACT);
    }

    private static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        return lines.subList(1, lines.size()).stream().map(line -> {
            String[] values = line.split(",", -1);
            return header.stream().collect(Collectors.toMap(Function.identity(), h -> values[header.indexOf(h)]));
        }).toList();
    }

    private static String replaceOnce(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }
}
