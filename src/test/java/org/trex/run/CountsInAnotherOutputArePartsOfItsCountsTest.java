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
import org.trex.plan.PlannedColumn;
import org.trex.plan.PlannedMeasure;
import org.trex.spec.AggregateOutput;
import org.trex.spec.CountOf;
import org.trex.spec.FieldCategory;
import org.trex.spec.FieldForm;
import org.trex.spec.FieldSpec;
import org.trex.spec.FlagRelations;
import org.trex.spec.MeasureSpec;
import org.trex.spec.RelativeWindow;
import org.trex.testing.SpecWithVariables;

/**
 * Discharges counted in one output, and discharges ready and not ready with care (flags that exclude each other)
 * counted in another: together the two flagged counts are at most the discharges, in whichever output the attacker
 * reads them; but not where the outputs give the dimension they share two definitions, nor across datasets.
 */
class CountsInAnotherOutputArePartsOfItsCountsTest {
    private static final MeasureSpec DISCHARGES = new MeasureSpec("discharges", CountOf.RECORDS, Optional.empty());
    private static final MeasureSpec READY = new MeasureSpec("ready", CountOf.RECORDS, Optional.of("ready_with_care"));
    private static final MeasureSpec NOT_READY =
            new MeasureSpec("not_ready", CountOf.RECORDS, Optional.of("not_ready_with_care"));

    @TempDir
    Path folder;

    @Test
    void flaggedCountsInOneOutputArePartsOfTheCountInAnother() throws IOException {
        MeasuredAggregate summary = aggregate("summary", "inpatient_spell", FieldForm.AGE_BAND, List.of(DISCHARGES));
        MeasuredAggregate flags = aggregate("flags", "inpatient_spell", FieldForm.AGE_BAND, List.of(READY, NOT_READY));
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(summary, flags));
        Quantity discharges = quantities.get("summary").get("discharges");
        Quantity ready = quantities.get("flags").get("ready");
        Quantity notReady = quantities.get("flags").get("not_ready");

        List<PartsOfWhole> wholes = MeasureWholes.of(List.of(summary, flags), quantities, flags(), "inpatient_spell");

        assertThat(wholes).containsExactlyInAnyOrder(
                new PartsOfWhole(discharges, List.of(ready), PartsOfWhole.Coverage.SOME,
                        PartsOfWhole.Reach.EVERY_OUTPUT),
                new PartsOfWhole(discharges, List.of(notReady), PartsOfWhole.Coverage.SOME,
                        PartsOfWhole.Reach.EVERY_OUTPUT),
                new PartsOfWhole(discharges, List.of(notReady, ready), PartsOfWhole.Coverage.DISJOINT,
                        PartsOfWhole.Reach.EVERY_OUTPUT));
    }

    @Test
    void outputsThatDefineTheirSharedDimensionApartAreNotReadTogether() throws IOException {
        MeasuredAggregate summary = aggregate("summary", "inpatient_spell", FieldForm.AGE_BAND, List.of(DISCHARGES));
        MeasuredAggregate flags =
                aggregate("flags", "inpatient_spell", FieldForm.YEAR_OF_BIRTH, List.of(READY, NOT_READY));
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(summary, flags));

        assertThat(MeasureWholes.of(List.of(summary, flags), quantities, flags(), "inpatient_spell")).isEmpty();
    }

    @Test
    void countsOfAnotherDatasetAreNotPartsOfTheIndexDatasets() throws IOException {
        MeasuredAggregate summary = aggregate("summary", "inpatient_spell", FieldForm.AGE_BAND, List.of(DISCHARGES));
        MeasuredAggregate care =
                aggregate("care", "social_care_event", FieldForm.AGE_BAND, List.of(READY, NOT_READY));
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(List.of(summary, care));

        assertThat(MeasureWholes.of(List.of(summary, care), quantities, flags(), "inpatient_spell")).isEmpty();
    }

    private static MeasuredAggregate aggregate(String name, String dataset, FieldForm age, List<MeasureSpec> measures) {
        AggregateOutput output = new AggregateOutput(name, dataset, RelativeWindow.INDEX_DAY,
                List.of(new FieldSpec("age", "date_of_birth", age)), measures);
        OutputPlan plan = new OutputPlan(output, List.of(), List.of(new PlannedColumn("age", "date_of_birth",
                FieldCategory.DATE_OF_BIRTH, age, List.of(dataset + ".date_of_birth"), Optional.empty(),
                Optional.empty(), Optional.empty())), measures.stream()
                .map(m -> new PlannedMeasure(m, m.where().map(w -> "trex_where_" + m.name()), Optional.empty()))
                .toList(), "select", "select");
        return new MeasuredAggregate(plan, List.of(), List.of(), new StructType(), List.of(), Map.of(), List.of(), 0,
                0, List.of());
    }

    private FlagRelations flags() throws IOException {
        return new FlagRelations(SpecWithVariables.load(folder, ReadyWithCareFlags.VARIABLES));
    }
}
