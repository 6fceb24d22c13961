package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.disclosure.Additivity;
import org.trex.disclosure.AttackerCheck;
import org.trex.disclosure.Cell;
import org.trex.disclosure.CellKey;
import org.trex.disclosure.CellStatus;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.Interval;
import org.trex.disclosure.Margins;
import org.trex.disclosure.Quantity;
import org.trex.disclosure.SmallCounts;
import org.trex.generate.SyntheticData;
import org.trex.source.DatabaseUrl;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;
import org.trex.testing.TestDatabase;

/**
 * End to end on PostgreSQL and Spark: a records output and an aggregate counting the same rows, so the records file's
 * rows are the aggregate's total, though the aggregate publishes none: the cohort's spells, which share one read, or
 * the social care events in a window around them, which each output reads for itself. Unrounded, the aggregate's
 * small cells (the rare values, and the listed ones nobody had) together would be that total minus the large cells,
 * each narrowed to within the protection range; a complement is suppressed, and an attacker with both files, counting
 * the records file's rows, cannot narrow any blank count to within the range. An aggregate counting the rows only
 * with a flag is bounded by them too: its total is at most the records file's rows. Without a records output, the
 * lineage's rows in and left out of the aggregate (exact, unrounded) give its total just the same.
 */
class TotalsShownBesideAnAggregateGiveNoSuppressedCellBackTest {
    private static final String COUNTED = "counted";
    /** An aggregate of the cohort's spells by discharge method, its measures to follow. */
    private static final String COUNTED_BY_METHOD = """
                  - name: counted
                    kind: aggregate
                    dataset: inpatient_spell
                    group_by:
                      - {name: discharge_method, source: discharge_method, form: as_is}
                    measures:
                """;
    /** The cohort's spells as records, and {@link #COUNTED_BY_METHOD}. */
    private static final String SPELLS_AND_COUNTED = """
                  - name: spells
                    kind: records
                    dataset: inpatient_spell
                    fields:
                      - {name: person, source: nhs_number, form: pseudonym}
                      - {name: spell, source: spell_id, form: pseudonym}
                    quasi_identifiers: []
                """ + COUNTED_BY_METHOD;

    @Test
    void theSpellsFilesRowCountGivesNoBlankCountBack(@TempDir Path root) throws IOException {
        attackBoth(root, SPELLS_AND_COUNTED + """
                      - {name: discharges, count: records}
                """, "spells", "data/spells.csv");
    }

    @Test
    void theEventsFilesRowCountGivesNoBlankCountBackThoughEachOutputReadsItsOwn(@TempDir Path root)
            throws IOException {
        attackBoth(root, """
                  - name: events
                    kind: records
                    dataset: social_care_event
                    window: {from_days: -365, to_days: 180}
                    fields:
                      - {name: person, source: nhs_number, form: pseudonym}
                      - {name: event, source: event_id, form: pseudonym}
                    quasi_identifiers: []
                  - name: counted
                    kind: aggregate
                    dataset: social_care_event
                    window: {from_days: -365, to_days: 180}
                    group_by:
                      - {name: service_type, source: service_type, form: as_is}
                    measures:
                      - {name: events, count: records}
                """, "events", "data/events.csv");
    }

    @Test
    void theSpellsFilesRowCountBoundsACountWithAFlagThatHasNoCountWithoutOne(@TempDir Path root)
            throws IOException {
        // Every spell of the cohort is discharged by one of its methods: the flagged count is all the rows, and the
        // records file's rows are at least its total, though the aggregate counts nothing without the flag.
        attack(root, """
                variables:
                  discharged_by_a_cohort_method:
                    type: flag
                    description: Discharged by one of the methods the cohort takes, as every spell of it is
                    field: discharge_method
                    in: ['1', '2', '3']
                """, SPELLS_AND_COUNTED + """
                      - {name: discharges, count: records, where: discharged_by_a_cohort_method}
                """, "spells", "data/spells.csv", rows -> new Interval(0, rows));
    }

    @Test
    void theLineagesRowsInAndLeftOutGiveNoBlankCountBack(@TempDir Path root) throws IOException {
        attack(root, "", COUNTED_BY_METHOD + """
                      - {name: discharges, count: records}
                """, published -> {
                    Matcher shown = Pattern.compile("\\| counted \\| aggregate \\| ([0-9,]+) \\| ([0-9,]+) \\|")
                            .matcher(Files.readString(published.resolve("lineage/report.md")));
                    assertThat(shown.find()).as("the aggregate's rows in and left out, shown exactly").isTrue();
                    long counted = number(shown.group(1)) - number(shown.group(2));
                    return new Interval(counted, counted);
                }, "the rows in and left out of output counted in the lineage");
    }

    private static void attackBoth(Path root, String outputs, String records, String recordsFile)
            throws IOException {
        attack(root, "", outputs, records, recordsFile, rows -> new Interval(rows, rows));
    }

    private static void attack(Path root, String variables, String outputs, String records, String recordsFile,
            LongFunction<Interval> total) throws IOException {
        attack(root, variables, outputs, published -> total.apply(Files.readAllLines(published.resolve(recordsFile))
                .size() - 1), "the rows of records output " + records);
    }

    /** What the attacker reads of the aggregate's total in the published extract. */
    private interface TotalShown {
        Interval in(Path published) throws IOException;
    }

    /**
     * Runs a spec of these outputs (and the variables given), the aggregate named {@link #COUNTED}, unrounded, and
     * attacks its published cells knowing what is shown beside them of their total, which its reasons name.
     */
    private static void attack(Path root, String variables, String outputs, TotalShown total, String given)
            throws IOException {
        DatabaseUrl url = TestDatabase.fresh();
        SyntheticData.generate(url, 2000, 11);
        Workspace workspace = Workspace.create(root, url, policy -> replaceOnce(policy, "round_to: 5",
                "round_to: 1"));
        String spec = Files.readString(workspace.spec);
        Files.writeString(workspace.spec, spec.substring(0, spec.indexOf("outputs:")) + variables + "outputs:\n"
                + outputs
                + spec.substring(spec.indexOf("schedule:")));
        assertThat(workspace.approve("IGB-RECORDS-TOTAL").code()).isEqualTo(ExitCode.OK);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        Path published = workspace.published().get(0);
        Interval known = total.in(published);
        List<String> cells = Files.readAllLines(published.resolve("data/" + COUNTED + ".csv"));
        assertThat(cells).as("a count is suppressed").anyMatch(line -> line.endsWith(","));
        DisclosureRules rules = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1);
        Map<CellKey, Interval> intervals = attack(cells, known, rules);
        assertThat(intervals).as("suppressed cells").isNotEmpty();
        assertThat(intervals).allSatisfy((cell, interval) -> assertThat(interval.width())
                .as(cell + " " + interval + " from " + cells + " and a total in " + known)
                .isGreaterThan(rules.protectionRange()));
        assertThat(Files.readString(published.resolve("lineage/report.md")))
                .contains("given " + given);
    }

    /**
     * What an attacker infers from the aggregate's published rows and what they know of their total: each blank
     * count's interval.
     */
    private static Map<CellKey, Interval> attack(List<String> lines, Interval known, DisclosureRules rules) {
        Quantity spells = new Quantity("spells", Additivity.EXACT);
        List<DecidedCell> decided = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> values = Arrays.asList(line.split(",", -1));
            Cell cell = Cell.count(CellKey.of(COUNTED, "rows", Map.of("value", values.get(0))), spells, 0);
            decided.add(values.get(1).isEmpty()
                    ? new DecidedCell(cell, CellStatus.SMALL_COUNT, Optional.empty(), "blank")
                    : new DecidedCell(cell, CellStatus.PUBLISHED, Optional.of(Long.valueOf(values.get(1))), "shown"));
        }
        long least = Math.round(known.lower());
        Cell total = Cell.count(CellKey.of("shown", "rows", Map.of()), spells, least);
        decided.add(new DecidedCell(total, CellStatus.PUBLISHED, Optional.of(least), "the total shown"));
        return new AttackerCheck(new SmallCounts(rules)).intervals(decided,
                Margins.relations(decided.stream().map(DecidedCell::cell).toList()),
                decided.stream().map(DecidedCell::key).collect(java.util.stream.Collectors.toSet()),
                Map.of(total.key(), known));
    }

    private static long number(String shown) {
        return Long.parseLong(shown.replace(",", ""));
    }

    private static String replaceOnce(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }
}
