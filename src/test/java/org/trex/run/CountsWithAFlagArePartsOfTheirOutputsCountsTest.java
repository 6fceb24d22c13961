package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
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

/**
 * The run tells disclosure control which counts of an output are parts of which (ASCOF 2D's): a count with a flag
 * is part of the count without one, and of the count whose flag its own flag's definition requires; a count of people
 * is part of the count of records with its flag (or none), never of another; and through definitions only where the
 * flags are the spec's variables.
 */
class CountsWithAFlagArePartsOfTheirOutputsCountsTest {
    private static final FlagRelations ASCOF = new FlagRelations(LoadedSpec.load(
            Path.of("extracts/reablement-ascof-2d.yaml"), SourceCatalog.standard()).spec().value());
    private static final List<MeasureSpec> MEASURES = List.of(
            new MeasureSpec("discharges", CountOf.RECORDS, Optional.empty()),
            new MeasureSpec("people", CountOf.PEOPLE, Optional.empty()),
            new MeasureSpec("reablement", CountOf.RECORDS, Optional.of("discharged_to_reablement")),
            new MeasureSpec("outcome", CountOf.RECORDS, Optional.of("reablement_outcome_achieved")),
            new MeasureSpec("people_reabled", CountOf.PEOPLE, Optional.of("discharged_to_reablement")));

    @Test
    void onTheIndexDatasetFlagsArePartsOfTheFlagsTheyRequire() {
        MeasuredAggregate total = aggregate("inpatient_spell");
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(total));
        Map<String, Quantity> q = quantities.get("ascof");

        List<PartsOfWhole> wholes = MeasureWholes.of(List.of(total), quantities, ASCOF, "inpatient_spell");

        assertThat(wholes).containsExactlyInAnyOrder(
                PartsOfWhole.some(q.get("discharges"), q.get("reablement")),
                PartsOfWhole.some(q.get("discharges"), q.get("outcome")),
                PartsOfWhole.some(q.get("people"), q.get("people_reabled")),
                PartsOfWhole.some(q.get("reablement"), q.get("outcome")),
                PartsOfWhole.some(q.get("discharges"), q.get("people")),
                PartsOfWhole.some(q.get("reablement"), q.get("people_reabled")));
    }

    @Test
    void elsewhereAFlagIsOnlyPartOfTheCountWithoutOne() {
        MeasuredAggregate events = aggregate("social_care_event");
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(events));
        Map<String, Quantity> q = quantities.get("ascof");

        assertThat(MeasureWholes.of(List.of(events), quantities, ASCOF, "inpatient_spell"))
                .containsExactlyInAnyOrder(
                        PartsOfWhole.some(q.get("discharges"), q.get("reablement")),
                        PartsOfWhole.some(q.get("discharges"), q.get("outcome")),
                        PartsOfWhole.some(q.get("people"), q.get("people_reabled")),
                        PartsOfWhole.some(q.get("discharges"), q.get("people")),
                        PartsOfWhole.some(q.get("reablement"), q.get("people_reabled")));
    }

    private static MeasuredAggregate aggregate(String dataset) {
        AggregateOutput output = new AggregateOutput("ascof", dataset, RelativeWindow.INDEX_DAY, List.of(), MEASURES);
        OutputPlan plan = new OutputPlan(output, List.of(), List.of(), MEASURES.stream()
                .map(m -> new PlannedMeasure(m, m.where().map(w -> "trex_where_" + m.name()), Optional.empty()))
                .toList(), "select", "select");
        return new MeasuredAggregate(plan, List.of(), List.of(), new StructType(), List.of(), Map.of(), List.of(), 0,
                0, List.of());
    }
}
