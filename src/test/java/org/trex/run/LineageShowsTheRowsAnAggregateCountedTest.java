package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.trex.disclosure.Interval;
import org.trex.disclosure.KnownTotal;
import org.trex.disclosure.Quantity;
import org.trex.disclosure.SmallCounts;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedMeasure;
import org.trex.spec.AggregateOutput;
import org.trex.spec.CountOf;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;
import org.trex.spec.MeasureSpec;
import org.trex.spec.RelativeWindow;

/**
 * What an aggregate's lineage tells an attacker of the rows it counted: its rows in less its rows left out, each as
 * the rules show it (rounded, or at most the threshold), so the rows lie between the least and the most the two
 * allow; a count with a flag, where none is without one, at most that; nothing where a records output tells more.
 */
class LineageShowsTheRowsAnAggregateCountedTest {
    private static final MeasureSpec RECORDS = new MeasureSpec("events", CountOf.RECORDS, Optional.empty());
    private static final MeasureSpec PEOPLE = new MeasureSpec("people", CountOf.PEOPLE, Optional.empty());
    private static final MeasureSpec FLAGGED = new MeasureSpec("reablement", CountOf.RECORDS,
            Optional.of("reablement"));

    @Test
    void roundedRowsInAndLeftOutBoundTheRowsCounted() {
        MeasuredAggregate counted = aggregate(40, 30, List.of(RECORDS, PEOPLE, FLAGGED));
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(counted));

        // 40 shown as 40 is 38 to 42; 10 shown as 10 is 8 to 12 (above the threshold of 7).
        assertThat(RecordsTotals.shownInLineage(List.of(counted), quantities, rules(5), List.of())).containsExactly(
                new KnownTotal("counted", quantities.get("counted").get("events"), new Interval(26, 34),
                        KnownTotal.Shown.IN_THE_LINEAGE));
    }

    @Test
    void unroundedTheyGiveItExactlyAndAFlaggedCountAtMostThat() {
        MeasuredAggregate counted = aggregate(40, 30, List.of(FLAGGED));
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(counted));

        assertThat(RecordsTotals.shownInLineage(List.of(counted), quantities, rules(1), List.of())).containsExactly(
                new KnownTotal("counted", quantities.get("counted").get("reablement"), new Interval(0, 30),
                        KnownTotal.Shown.IN_THE_LINEAGE));
    }

    @Test
    void rowsLeftOutAtOrBelowTheThresholdAreAnythingUpToIt() {
        MeasuredAggregate counted = aggregate(40, 35, List.of(RECORDS));
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(counted));

        assertThat(RecordsTotals.shownInLineage(List.of(counted), quantities, rules(1), List.of()))
                .extracting(KnownTotal::known).containsExactly(new Interval(33, 40));
    }

    @Test
    void aTotalARecordsOutputShowsIsNotTakenAgain() {
        MeasuredAggregate counted = aggregate(40, 30, List.of(RECORDS));
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(counted));
        KnownTotal file = new KnownTotal("events", quantities.get("counted").get("events"), new Interval(30, 30));

        assertThat(RecordsTotals.shownInLineage(List.of(counted), quantities, rules(1), List.of(file))).isEmpty();
    }

    private static SmallCounts rules(int roundTo) {
        return new SmallCounts(new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, roundTo));
    }

    private static MeasuredAggregate aggregate(long read, long used, List<MeasureSpec> measures) {
        AggregateOutput output = new AggregateOutput("counted", "social_care_event", new RelativeWindow(-365, 180),
                List.of(), measures);
        OutputPlan plan = new OutputPlan(output, List.of(), List.of(), measures.stream()
                .map(m -> new PlannedMeasure(m, m.where().map(w -> "trex_where_" + m.name()), Optional.empty()))
                .toList(), "select", "select");
        return new MeasuredAggregate(plan, List.of(), List.of(), new StructType(), List.of(), Map.of(), List.of(),
                read, used, List.of());
    }
}
