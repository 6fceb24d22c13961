package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.trex.disclosure.CellProtection;
import org.trex.disclosure.ProtectedCells;
import org.trex.disclosure.ReleaseHistory;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedColumn;
import org.trex.plan.PlannedMeasure;
import org.trex.spec.AggregateOutput;
import org.trex.spec.CountOf;
import org.trex.spec.DisclosureRules;
import org.trex.spec.FieldCategory;
import org.trex.spec.FieldForm;
import org.trex.spec.FieldSpec;
import org.trex.spec.KAnonymityAction;
import org.trex.spec.MeasureSpec;
import org.trex.spec.RelativeWindow;

/**
 * A mean measure (NHS England's mean delay excluding zero days) is no cell of its own: it is released to one
 * decimal place where the output's count of the same records is released, and blank where that count is
 * suppressed, so a mean never speaks for a group too small to count.
 */
class MeanIsBlankWhereItsCountIsSuppressedTest {
    private static final MeasureSpec DELAYED = new MeasureSpec("delayed", CountOf.RECORDS,
            Optional.of("delayed_one_day_or_more"));
    private static final MeasureSpec MEAN = new MeasureSpec("mean_delay_days", CountOf.RECORDS,
            Optional.of("delayed_one_day_or_more"), Optional.of("discharge_delay_days"));

    @Test
    void theMeanFollowsItsCount() {
        AggregateOutput output = new AggregateOutput("delays", "inpatient_spell", RelativeWindow.INDEX_DAY,
                List.of(new FieldSpec("sex", "sex", FieldForm.AS_IS)), List.of(DELAYED, MEAN));
        OutputPlan plan = new OutputPlan(output, List.of("health.inpatient_spell"),
                List.of(new PlannedColumn("sex", "sex", FieldCategory.CODE, FieldForm.AS_IS,
                        List.of("health.inpatient_spell.sex"), Optional.empty(), Optional.empty(), Optional.empty())),
                List.of(new PlannedMeasure(DELAYED, Optional.of("trex_where_delayed"), Optional.empty()),
                        new PlannedMeasure(MEAN, Optional.of("trex_where_mean_delay_days"),
                                Optional.of("trex_mean_mean_delay_days"))),
                "select", "select");
        // Each row: the group, the count, the mean, the rows used, the grouping ID (as the run measures them).
        List<Row> rows = List.of(RowFactory.create("1", 3L, 4.25, 9L, 0L), RowFactory.create("2", 12L, 4.25, 20L, 0L),
                RowFactory.create("9", 0L, null, 11L, 0L));
        MeasuredAggregate measured = new MeasuredAggregate(plan, List.of("sex"), List.of(),
                new StructType().add("sex", DataTypes.StringType), rows, Map.of(), List.of(), 40, 40, List.of());
        ProtectedCells decided = new CellProtection(new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5))
                .protect(measured.cells(AggregateQuantities.of(List.of(measured)).get("delays")),
                        ReleaseHistory.NONE);

        List<Row> released = measured.released(decided);

        assertThat(released.get(0).get(1)).as("a count of 3 is suppressed").isNull();
        assertThat(released.get(0).get(2)).as("so is its mean").isNull();
        assertThat(released.get(1).get(1)).isEqualTo(10L);
        assertThat(released.get(1).get(2)).isEqualTo(4.3);
        assertThat(released.get(2).get(2)).as("no records, no mean").isNull();
        assertThat(measured.cells(AggregateQuantities.of(List.of(measured)).get("delays"))).hasSize(3);
        assertThat(measured.releasedSchema().apply("mean_delay_days").dataType()).isEqualTo(DataTypes.DoubleType);
    }
}
