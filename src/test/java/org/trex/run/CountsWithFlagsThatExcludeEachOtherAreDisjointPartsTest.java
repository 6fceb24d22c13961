package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.disclosure.PartsOfWhole;
import org.trex.disclosure.Quantity;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedMeasure;
import org.trex.source.SourceCatalog;
import org.trex.spec.AggregateOutput;
import org.trex.spec.CountOf;
import org.trex.spec.FlagRelations;
import org.trex.spec.LoadedSpec;
import org.trex.spec.MeasureSpec;
import org.trex.spec.RelativeWindow;
import org.trex.testing.SpecWithVariables;

/**
 * The run tells disclosure control that the discharges counted with flags that exclude one another (ready on the
 * day with care, not ready with care; three discharge destinations) add up to at most all discharges, all of a group
 * in one relation; of people, only that each is at most all.
 */
class CountsWithFlagsThatExcludeEachOtherAreDisjointPartsTest {
    private static final List<MeasureSpec> MEASURES = List.of(
            new MeasureSpec("discharges", CountOf.RECORDS, Optional.empty()),
            new MeasureSpec("people", CountOf.PEOPLE, Optional.empty()),
            new MeasureSpec("ready", CountOf.RECORDS, Optional.of("ready_with_care")),
            new MeasureSpec("not_ready", CountOf.RECORDS, Optional.of("not_ready_with_care")),
            new MeasureSpec("people_ready", CountOf.PEOPLE, Optional.of("ready_with_care")),
            new MeasureSpec("people_not_ready", CountOf.PEOPLE, Optional.of("not_ready_with_care")));

    @TempDir
    Path folder;

    @Test
    void recordsWithEitherFlagAddUpToAtMostTheWhole() throws IOException {
        MeasuredAggregate aggregate = aggregate(MEASURES);
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(aggregate));
        Map<String, Quantity> q = quantities.get("care");

        List<PartsOfWhole> wholes = MeasureWholes.of(List.of(aggregate), quantities, flags(), "inpatient_spell");

        assertThat(wholes).containsExactlyInAnyOrder(
                PartsOfWhole.some(q.get("discharges"), q.get("ready")),
                PartsOfWhole.some(q.get("discharges"), q.get("not_ready")),
                PartsOfWhole.some(q.get("people"), q.get("people_ready")),
                PartsOfWhole.some(q.get("people"), q.get("people_not_ready")),
                PartsOfWhole.some(q.get("discharges"), q.get("people")),
                PartsOfWhole.some(q.get("ready"), q.get("people_ready")),
                PartsOfWhole.some(q.get("not_ready"), q.get("people_not_ready")),
                new PartsOfWhole(q.get("discharges"), sorted(q.get("ready"), q.get("not_ready")),
                        PartsOfWhole.Coverage.DISJOINT));
    }

    @Test
    void threeDestinationsTogetherAreAtMostTheWhole() throws IOException {
        List<MeasureSpec> measures = List.of(
                new MeasureSpec("discharges", CountOf.RECORDS, Optional.empty()),
                new MeasureSpec("home", CountOf.RECORDS, Optional.of("to_usual_residence")),
                new MeasureSpec("care_home", CountOf.RECORDS, Optional.of("to_care_home")),
                new MeasureSpec("hospice", CountOf.RECORDS, Optional.of("to_hospice")));
        MeasuredAggregate aggregate = aggregate(measures);
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(aggregate));
        Map<String, Quantity> q = quantities.get("care");
        FlagRelations destinations = flags("""
                to_usual_residence:
                  type: flag
                  description: d
                  field: discharge_destination
                  in: ['19', '29']
                to_care_home:
                  type: flag
                  description: d
                  field: discharge_destination
                  equals: '55'
                to_hospice:
                  type: flag
                  description: d
                  field: discharge_destination
                  equals: '88'
                """);

        List<PartsOfWhole> wholes = MeasureWholes.of(List.of(aggregate), quantities, destinations, "inpatient_spell");

        // One relation of all three, not three of pairs, each of which says less.
        assertThat(wholes).filteredOn(w -> w.coverage() == PartsOfWhole.Coverage.DISJOINT).singleElement()
                .satisfies(w -> {
                    assertThat(w.whole()).isEqualTo(q.get("discharges"));
                    assertThat(w.parts()).containsExactlyInAnyOrder(q.get("home"), q.get("care_home"),
                            q.get("hospice"));
                });
    }

    @Test
    void theShippedSummarysDischargesOnTheReadyDateAndDelayedAreDisjointParts() {
        List<MeasureSpec> measures = List.of(
                new MeasureSpec("discharges", CountOf.RECORDS, Optional.empty()),
                new MeasureSpec("discharged_on_ready_date", CountOf.RECORDS, Optional.of("discharged_on_ready_date")),
                new MeasureSpec("delayed_one_day_or_more", CountOf.RECORDS, Optional.of("delayed_one_day_or_more")));
        MeasuredAggregate aggregate = aggregate(measures);
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(aggregate));
        Map<String, Quantity> q = quantities.get("care");
        FlagRelations shipped = new FlagRelations(LoadedSpec.load(Path.of("extracts/discharge-delays.yaml"),
                SourceCatalog.standard()).spec().value());

        List<PartsOfWhole> wholes = MeasureWholes.of(List.of(aggregate), quantities, shipped, "inpatient_spell");

        // A delay of 0 days, or of 1 or more: never both, and not a split (a ready date after discharge is negative).
        assertThat(wholes).contains(new PartsOfWhole(q.get("discharges"),
                sorted(q.get("discharged_on_ready_date"), q.get("delayed_one_day_or_more")),
                PartsOfWhole.Coverage.DISJOINT));
    }

    private static MeasuredAggregate aggregate(List<MeasureSpec> measures) {
        AggregateOutput output = new AggregateOutput("care", "inpatient_spell", RelativeWindow.INDEX_DAY, List.of(),
                measures);
        OutputPlan plan = new OutputPlan(output, List.of(), List.of(), measures.stream()
                .map(m -> new PlannedMeasure(m, m.where().map(w -> "trex_where_" + m.name()), Optional.empty()))
                .toList(), "select", "select");
        return new MeasuredAggregate(plan, List.of(), List.of(), new StructType(), List.of(), Map.of(), List.of(), 0,
                0, List.of());
    }

    private static List<Quantity> sorted(Quantity one, Quantity other) {
        return one.id().compareTo(other.id()) <= 0 ? List.of(one, other) : List.of(other, one);
    }

    private FlagRelations flags() throws IOException {
        return flags(ReadyWithCareFlags.VARIABLES);
    }

    private FlagRelations flags(String variables) throws IOException {
        return new FlagRelations(SpecWithVariables.load(folder, variables));
    }
}
