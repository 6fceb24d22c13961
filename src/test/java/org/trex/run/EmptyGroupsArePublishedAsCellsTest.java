package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
import org.trex.spec.ZeroCounts;
import org.trex.testing.TestSpark;
import org.trex.transform.Generalisations;

/**
 * An aggregate lists every group of its table, the groups no one is in too, in the groups and in each total: a group
 * left out would publish its zero to anyone who knows the bands, however the policy holds zeros. Where zeros are
 * disclosive an empty group's counts are suppressed like any small count, where safe they are published as 0; its
 * mean is blank either way.
 */
class EmptyGroupsArePublishedAsCellsTest {
    private static final MeasureSpec DISCHARGES = new MeasureSpec("discharges", CountOf.RECORDS, Optional.empty());
    private static final MeasureSpec DELAYED = new MeasureSpec("delayed", CountOf.RECORDS, Optional.of("delayed"));
    private static final MeasureSpec MEAN = new MeasureSpec("mean_delay", CountOf.RECORDS, Optional.of("delayed"),
            Optional.of("delay_days"));

    @TempDir
    Path out;

    @ParameterizedTest(name = "zeros {0}")
    @EnumSource(ZeroCounts.class)
    void everyBandIsPublishedForEachSex(ZeroCounts zeros) {
        MeasuredAggregate measured = measured();
        DisclosureRules rules = rules(zeros);
        List<Row> released = measured.released(decided(measured, rules));

        List<String> groups = released.stream().map(row -> row.get(0) + " " + row.get(1)).toList();
        List<String> expected = new ArrayList<>();
        for (String band : Generalisations.DELAY_BANDS) {
            expected.add(band + " 1");
            expected.add(band + " 2");
            expected.add(band + " " + MeasuredAggregate.TOTAL);
        }
        assertThat(groups).as("7 bands, shortest first, by each sex and then each band's total")
                .containsExactlyElementsOf(expected);
        Row emptyBand = released.stream().filter(row -> row.get(0).equals("21+") && row.get(1).equals("2"))
                .findFirst().orElseThrow();
        Long zero = zeros == ZeroCounts.SAFE ? 0L : null;
        assertThat(emptyBand.get(2)).as("discharges").isEqualTo(zero);
        assertThat(emptyBand.get(3)).as("delayed").isEqualTo(zero);
        assertThat(emptyBand.get(4)).as("no one delayed, no mean").isNull();
        Row womenNotDelayed = released.stream().filter(row -> row.get(0).equals("0") && row.get(1).equals("2"))
                .findFirst().orElseThrow();
        assertThat(womenNotDelayed.get(2)).as("30 women, none delayed").isEqualTo(30L);
        assertThat(measured.used()).as("the empty groups use no rows").isEqualTo(60);
    }

    /**
     * The outcome's action, which leaves the TRE, says where the groups no one is in stand among the small counts, but
     * not how many there are where zeros are disclosive: that would say how many blanks are zeros (here 32 of 35,
     * the delayed count of a group with people in it being zero too). The run's own output in the TRE says.
     */
    @ParameterizedTest(name = "zeros {0}")
    @EnumSource(ZeroCounts.class)
    void howManyGroupsNoOneIsInIsSaidOnlyInTheTre(ZeroCounts zeros) {
        MeasuredAggregate measured = measured();
        DisclosureRules rules = rules(zeros);

        DisclosureOutcome outcome = DisclosureOutcome.ofCells("delays", decided(measured, rules), rules,
                measured.cellsOfEmptyGroups());

        // Women's six empty bands, men's five and the five totals over them, each with its two counts.
        assertThat(measured.cellsOfEmptyGroups()).hasSize(32);
        assertThat(outcome.cells()).isEqualTo(42);
        if (zeros == ZeroCounts.DISCLOSIVE) {
            assertThat(outcome.action()).isEqualTo("suppressed 35 small counts (every group no one is in among them,"
                    + " if any is: its zeros are as disclosive as any small count, so how many is not said), 2"
                    + " complementary cells; rounded the rest");
            assertThat(outcome.emptyGroupsInTheTre()).contains("16 groups no one is in; 32 of the small counts"
                    + " suppressed are their cells (not in the extract)");
        } else {
            // No count is small: the empty groups' zeros are published, and the file shows them.
            assertThat(outcome.action()).isEqualTo("rounded");
            assertThat(outcome.emptyGroupsInTheTre()).contains("16 groups no one is in; 0 of the small counts"
                    + " suppressed are their cells (not in the extract)");
        }
    }

    /** Everyone is delayed 0 or 1 days, women 0 only: five of the seven bands have no one in them. */
    private MeasuredAggregate measured() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean woman = i % 2 == 0;
            int days = woman ? 0 : i % 3 == 0 ? 1 : 0;
            rows.add(RowFactory.create(Generalisations.delayBand(days), woman ? "2" : "1", days > 0, days > 0 ? days
                    : null, "p" + i));
        }
        StructType schema = new StructType().add("delay_band", DataTypes.StringType).add("sex", DataTypes.StringType)
                .add("trex_where_delayed", DataTypes.BooleanType).add("trex_mean_mean_delay", DataTypes.IntegerType)
                .add(MeasuredAggregate.PERSON, DataTypes.StringType);
        Dataset<Row> kept = TestSpark.session().createDataFrame(rows, schema);
        return MeasuredAggregate.measure(plan(), kept, new ExclusionTally(),
                new OutputWriter(TestSpark.session(), out, 2), 3, Optional.of(List.of()));
    }

    private static DisclosureRules rules(ZeroCounts zeros) {
        return new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5).withZeros(zeros);
    }

    private static ProtectedCells decided(MeasuredAggregate measured, DisclosureRules rules) {
        return new CellProtection(rules).protect(
                measured.cells(AggregateQuantities.of(List.of(measured)).get("delays")), ReleaseHistory.NONE);
    }

    private static OutputPlan plan() {
        AggregateOutput output = new AggregateOutput("delays", "inpatient_spell", RelativeWindow.INDEX_DAY,
                List.of(new FieldSpec("delay_band", "discharge_delay_days", FieldForm.DELAY_BAND),
                        new FieldSpec("sex", "sex", FieldForm.AS_IS)),
                List.of(DISCHARGES, DELAYED, MEAN), List.of("sex"));
        return new OutputPlan(output, List.of("health.inpatient_spell"),
                List.of(new PlannedColumn("delay_band", "discharge_delay_days", FieldCategory.DAYS,
                                FieldForm.DELAY_BAND, List.of("health.inpatient_spell.discharge_delay_days"),
                                Optional.empty(), Optional.empty(), Optional.of(Generalisations.DELAY_BANDS)),
                        new PlannedColumn("sex", "sex", FieldCategory.CODE, FieldForm.AS_IS,
                                List.of("health.inpatient_spell.sex"), Optional.empty(), Optional.empty(),
                                Optional.of(List.of("1", "2")))),
                List.of(new PlannedMeasure(DISCHARGES, Optional.empty(), Optional.empty()),
                        new PlannedMeasure(DELAYED, Optional.of("trex_where_delayed"), Optional.empty()),
                        new PlannedMeasure(MEAN, Optional.of("trex_where_delayed"),
                                Optional.of("trex_mean_mean_delay"))),
                "select", "select");
    }
}
