package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedColumn;
import org.trex.plan.PlannedMeasure;
import org.trex.spec.AggregateOutput;
import org.trex.spec.CountOf;
import org.trex.spec.FieldCategory;
import org.trex.spec.FieldForm;
import org.trex.spec.FieldSpec;
import org.trex.spec.MeasureSpec;
import org.trex.spec.RelativeWindow;
import org.trex.testing.TestSpark;

/**
 * An aggregate's measured rows, which disclosure control takes as cells in their order, come in one order however
 * Spark partitioned the rows it counted (a cluster's partitions are not one machine's): the groups first, then each
 * total, each by its values; with totals (grouping sets) and without.
 */
class MeasuredRowsComeInOneOrderWhateverThePartitionsTest {
    private static final MeasureSpec DISCHARGES = new MeasureSpec("discharges", CountOf.RECORDS, Optional.empty());
    private static final MeasureSpec PEOPLE = new MeasureSpec("people", CountOf.PEOPLE, Optional.empty());

    @TempDir
    Path out;

    @ParameterizedTest(name = "totals over sex: {0}")
    @ValueSource(booleans = {false, true})
    void theOrderIsTheRowsOwn(boolean totals) {
        SparkSession spark = TestSpark.session();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            rows.add(RowFactory.create(i % 7 == 0 ? null : "band-" + i % 5, i % 2 == 0 ? "F" : "M", "p" + i % 40));
        }
        StructType schema = new StructType().add("delay_band", DataTypes.StringType)
                .add("sex", DataTypes.StringType).add(MeasuredAggregate.PERSON, DataTypes.StringType);
        Dataset<Row> one = spark.createDataFrame(rows, schema).coalesce(1);
        List<Row> reversed = new ArrayList<>(rows);
        Collections.reverse(reversed);
        Dataset<Row> many = spark.createDataFrame(reversed, schema).repartition(5);

        List<Row> fromOne = measure(plan(totals), one).rows();
        List<Row> fromMany = measure(plan(totals), many).rows();

        assertThat(fromOne).isEqualTo(fromMany);
        // A blank band and five others, by sex; with totals, each band over both sexes after them.
        List<String> expected = new ArrayList<>();
        List<String> bands = List.of("null", "band-0", "band-1", "band-2", "band-3", "band-4");
        bands.forEach(band -> List.of("F", "M").forEach(sex -> expected.add(band + " " + sex + " 0")));
        if (totals) {
            bands.forEach(band -> expected.add(band + " null 1"));
        }
        assertThat(fromOne).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(row.length() - 1))
                .containsExactlyElementsOf(expected);
    }

    private MeasuredAggregate measure(OutputPlan plan, Dataset<Row> kept) {
        return MeasuredAggregate.measure(plan, kept, new ExclusionTally(),
                new OutputWriter(TestSpark.session(), out, 2), 3, Optional.of(List.of()));
    }

    private static OutputPlan plan(boolean totals) {
        AggregateOutput output = new AggregateOutput("delays", "inpatient_spell", RelativeWindow.INDEX_DAY,
                List.of(new FieldSpec("delay_band", "delay_band", FieldForm.AS_IS),
                        new FieldSpec("sex", "sex", FieldForm.AS_IS)),
                List.of(DISCHARGES, PEOPLE), totals ? List.of("sex") : List.of());
        return new OutputPlan(output, List.of("health.inpatient_spell"),
                List.of(column("delay_band"), column("sex")),
                List.of(new PlannedMeasure(DISCHARGES, Optional.empty(), Optional.empty()),
                        new PlannedMeasure(PEOPLE, Optional.empty(), Optional.empty())),
                "select", "select");
    }

    private static PlannedColumn column(String name) {
        return new PlannedColumn(name, name, FieldCategory.CODE, FieldForm.AS_IS,
                List.of("health.inpatient_spell." + name), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
