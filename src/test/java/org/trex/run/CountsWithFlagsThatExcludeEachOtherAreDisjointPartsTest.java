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
 * The run tells disclosure control that the discharges counted with two flags that exclude each other (ready on the
 * day with care, not ready with care) add up to at most all discharges; of people, only that each is at most all.
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
        AggregateOutput output = new AggregateOutput("care", "inpatient_spell", RelativeWindow.INDEX_DAY, List.of(),
                MEASURES);
        OutputPlan plan = new OutputPlan(output, List.of(), List.of(), MEASURES.stream()
                .map(m -> new PlannedMeasure(m, m.where().map(w -> "trex_where_" + m.name()), Optional.empty()))
                .toList(), "select", "select");
        MeasuredAggregate aggregate = new MeasuredAggregate(plan, List.of(), List.of(), new StructType(), List.of(),
                Map.of(), List.of(), 0, 0, List.of());
        Map<String, Map<String, Quantity>> quantities = MeasuredAggregate.quantities(List.of(aggregate));
        Map<String, Quantity> q = quantities.get("care");

        List<PartsOfWhole> wholes = MeasureWholes.of(List.of(aggregate), quantities, flags(), "inpatient_spell");

        assertThat(wholes).containsExactlyInAnyOrder(
                PartsOfWhole.some(q.get("discharges"), q.get("ready")),
                PartsOfWhole.some(q.get("discharges"), q.get("not_ready")),
                PartsOfWhole.some(q.get("people"), q.get("people_ready")),
                PartsOfWhole.some(q.get("people"), q.get("people_not_ready")),
                new PartsOfWhole(q.get("discharges"), sorted(q.get("ready"), q.get("not_ready")),
                        PartsOfWhole.Coverage.DISJOINT));
    }

    private static List<Quantity> sorted(Quantity one, Quantity other) {
        return one.id().compareTo(other.id()) <= 0 ? List.of(one, other) : List.of(other, one);
    }

    private FlagRelations flags() throws IOException {
        Path spec = folder.resolve("spec.yaml");
        Files.writeString(spec, """
                id: exclusive-flags
                version: 1
                title: t
                requester: r
                purpose: p
                legal_basis: l
                project: discharge-evaluation
                policy: service-evaluation
                cohort:
                  description: d
                  index_event: hospital_discharge
                  window: {from: 2024-04-01, to: 2025-03-31}
                  social_care_at_index: any
                outputs:
                  - name: spells
                    kind: records
                    dataset: inpatient_spell
                    fields:
                      - {name: sex, source: sex, form: as_is}
                    quasi_identifiers: [sex]
                variables:
                  ready_on_the_day:
                    type: flag
                    description: d
                    field: discharge_ready_date
                    is_null: false
                  not_ready:
                    type: flag
                    description: d
                    not: {var: ready_on_the_day}
                  with_care:
                    type: flag
                    description: d
                    exists: {from: social_care_event}
                  ready_with_care:
                    type: flag
                    description: d
                    and: [{var: ready_on_the_day}, {var: with_care}]
                  not_ready_with_care:
                    type: flag
                    description: d
                    and: [{var: not_ready}, {var: with_care}]
                """);
        return new FlagRelations(LoadedSpec.load(spec, Path.of("policies/service-evaluation.yaml"),
                SourceCatalog.standard()).spec().value());
    }
}
