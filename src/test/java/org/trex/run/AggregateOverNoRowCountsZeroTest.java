package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.disclosure.Cell;
import org.trex.plan.OutputPlan;
import org.trex.plan.Planner;
import org.trex.source.SourceCatalog;
import org.trex.spec.AggregateOutput;
import org.trex.spec.CountOf;
import org.trex.spec.MeasureSpec;
import org.trex.spec.RelativeWindow;
import org.trex.testing.Specs;
import org.trex.testing.TestSpark;

/**
 * An aggregate with no row to measure (an output none of whose rows was kept) counts 0, under a flag as without one:
 * a count is never blank before disclosure control decides it, so measuring it does not fail on a missing value.
 */
class AggregateOverNoRowCountsZeroTest {
    @TempDir
    Path out;

    @Test
    void everyCountOfNoRowIsZero() {
        AggregateOutput summary = new AggregateOutput("summary", "inpatient_spell", RelativeWindow.INDEX_DAY,
                List.of(), List.of(new MeasureSpec("discharges", CountOf.RECORDS, Optional.empty()),
                        new MeasureSpec("people", CountOf.PEOPLE, Optional.empty()),
                        new MeasureSpec("emergency", CountOf.RECORDS, Optional.of("emergency_admission"))));
        OutputPlan output = new Planner(SourceCatalog.standard()).plan(
                Specs.spec(Specs.cohort(List.of()), List.of(summary)), Specs.policy(), LocalDate.of(2025, 6, 30),
                "{}", "{}").output("summary");
        List<StructField> fields = new ArrayList<>();
        output.measures().forEach(m -> m.whereColumn()
                .ifPresent(w -> fields.add(DataTypes.createStructField(w, DataTypes.BooleanType, true))));
        fields.add(DataTypes.createStructField(MeasuredAggregate.PERSON, DataTypes.StringType, true));
        Dataset<Row> none = TestSpark.session().createDataFrame(List.of(),
                new StructType(fields.toArray(StructField[]::new)));

        MeasuredAggregate measured = MeasuredAggregate.measure(output, none, new ExclusionTally(),
                new OutputWriter(TestSpark.session(), out, 1), 2, Optional.of(List.of()));
        List<Cell> cells = measured.cells(AggregateQuantities.of(List.of(measured)).get("summary"));

        assertThat(cells).extracting(c -> c.key().measure(), Cell::value)
                .containsExactly(tuple("discharges", 0L), tuple("people", 0L), tuple("emergency", 0L));
    }
}
