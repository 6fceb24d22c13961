package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.disclosure.Interval;
import org.trex.disclosure.KnownTotal;
import org.trex.disclosure.Quantity;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedMeasure;
import org.trex.spec.AggregateOutput;
import org.trex.spec.CountOf;
import org.trex.spec.FieldForm;
import org.trex.spec.FieldSpec;
import org.trex.spec.MeasureSpec;
import org.trex.spec.RecordOutput;
import org.trex.spec.RelativeWindow;

/**
 * Which totals of an aggregate's counts a records output gives an attacker: its rows (those written and those
 * disclosure control dropped, which the lineage states) and its people, where it holds the rows the aggregate counted,
 * whichever read each took them from; none where it holds other rows. A count with a flag, where the aggregate has
 * none without one, is at most those rows or people.
 */
class RecordsOutputShowsTheTotalOfTheRowsAnAggregateCountedTest {
    private static final RelativeWindow AROUND = new RelativeWindow(-365, 180);
    private static final List<MeasureSpec> MEASURES = List.of(
            new MeasureSpec("events", CountOf.RECORDS, Optional.empty()),
            new MeasureSpec("people", CountOf.PEOPLE, Optional.empty()),
            new MeasureSpec("reablement", CountOf.RECORDS, Optional.of("reablement")));

    @TempDir
    Path folder;

    @Test
    void rowsDroppedAreCountedExactlyAndTheirPeopleBounded() throws IOException {
        MeasuredAggregate counted = aggregate(AROUND, 12);
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(counted));
        // Ten rows written, two dropped as still below k: the person column is the row's own pseudonym.
        RecordsTotals.Released events = records(AROUND, 10, 2, RecordsTotals.PersonColumn.OWN_NUMBER);

        List<KnownTotal> totals = RecordsTotals.of(List.of(counted), quantities, List.of(events));

        assertThat(totals).containsExactly(
                new KnownTotal("events", quantities.get("counted").get("events"), new Interval(12, 12)),
                new KnownTotal("events", quantities.get("counted").get("people"), new Interval(3, 5)));
    }

    @Test
    void countsWithAFlagAndNoneWithoutOneAreAtMostTheRowsAndTheirPeople() throws IOException {
        List<MeasureSpec> flagged = List.of(
                new MeasureSpec("reablement", CountOf.RECORDS, Optional.of("reablement")),
                new MeasureSpec("people_in_reablement", CountOf.PEOPLE, Optional.of("reablement")));
        MeasuredAggregate counted = aggregate(AROUND, 12, flagged);
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(counted));

        List<KnownTotal> totals = RecordsTotals.of(List.of(counted), quantities,
                List.of(records(AROUND, 10, 2, RecordsTotals.PersonColumn.OWN_NUMBER)));

        assertThat(totals).containsExactly(
                new KnownTotal("events", quantities.get("counted").get("reablement"), new Interval(0, 12)),
                new KnownTotal("events", quantities.get("counted").get("people_in_reablement"), new Interval(0, 5)));
    }

    @Test
    void aPersonColumnThatMayBeBlankedSaysOnlyHowManyPeopleAtLeast() throws IOException {
        MeasuredAggregate counted = aggregate(AROUND, 10);
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(counted));

        List<KnownTotal> totals = RecordsTotals.of(List.of(counted), quantities,
                List.of(records(AROUND, 10, 0, RecordsTotals.PersonColumn.BLANKABLE)));

        assertThat(totals).extracting(KnownTotal::known)
                .containsExactly(new Interval(10, 10), new Interval(3, Double.POSITIVE_INFINITY));
    }

    @Test
    void anotherWindowOrAnotherNumberOfRowsTellsNothing() throws IOException {
        MeasuredAggregate counted = aggregate(AROUND, 12);
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(counted));

        assertThat(RecordsTotals.of(List.of(counted), quantities,
                List.of(records(new RelativeWindow(-30, 180), 12, 0, RecordsTotals.PersonColumn.OWN_NUMBER))))
                .isEmpty();
        // The same window, but not the rows the aggregate counted: the planner read the two differently.
        assertThat(RecordsTotals.of(List.of(counted), quantities,
                List.of(records(AROUND, 11, 0, RecordsTotals.PersonColumn.OWN_NUMBER)))).isEmpty();
    }

    private static MeasuredAggregate aggregate(RelativeWindow window, long used) {
        return aggregate(window, used, MEASURES);
    }

    private static MeasuredAggregate aggregate(RelativeWindow window, long used, List<MeasureSpec> measures) {
        AggregateOutput output = new AggregateOutput("counted", "social_care_event", window, List.of(), measures);
        OutputPlan plan = new OutputPlan(output, List.of(), List.of(), measures.stream()
                .map(m -> new PlannedMeasure(m, m.where().map(w -> "trex_where_" + m.name()), Optional.empty()))
                .toList(), "select", "select");
        return new MeasuredAggregate(plan, List.of(), List.of(), new StructType(), List.of(), Map.of(), List.of(),
                used, used, List.of());
    }

    /** A records output of social care events: its rows written, those dropped, and three people in its file. */
    private RecordsTotals.Released records(RelativeWindow window, long written, long dropped,
            RecordsTotals.PersonColumn person) throws IOException {
        RecordOutput output = new RecordOutput("events", "social_care_event", window,
                List.of(new FieldSpec("person", "nhs_number", FieldForm.PSEUDONYM)), List.of());
        OutputPlan plan = new OutputPlan(output, List.of(), List.of(), List.of(), "select", "select");
        Path people = Files.writeString(Files.createTempFile(folder, "people", ".tsv"), "p1\t4\np2\t3\np3\t3\n");
        List<ExclusionCount> excluded = dropped == 0 ? List.of()
                : List.of(new ExclusionCount(ExclusionCount.DISCLOSURE_SUPPRESSED, dropped, 0));
        OutputResult result = new OutputResult(plan, written + dropped, excluded, written, written,
                DisclosureOutcome.ofRecords(List.of(), Optional.empty(), Optional.empty(), "none", 0, "k"), List.of(),
                List.of(), "sha", List.of(people));
        return new RecordsTotals.Released(result, person);
    }
}
