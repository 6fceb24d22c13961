package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestSpark;

/**
 * Suppression from the classes staging counted blanks exactly the rows of the small classes, matching missing values
 * and dates as the grouping does, and counts without a pass of its own what is blanked and what is then all blank.
 */
class SuppressionBlanksTheClassesStagingCountedTest {
    private static final StructType SCHEMA = new StructType().add("person", DataTypes.StringType)
            .add("band", DataTypes.StringType).add("month", DataTypes.DateType).add("year", DataTypes.IntegerType);
    private static final List<String> QIS = List.of("band", "month", "year");
    private static final int K = 5;
    private static final LongPredicate BELOW_K = size -> size < K;

    @TempDir
    Path folder;

    @Test
    void blanksTheRowsOfEveryClassBelowKAndNoOther() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            // Mostly large classes; every 37th row in a class of its own; some values missing, some rows all missing.
            boolean rare = i % 37 == 0;
            rows.add(RowFactory.create("p" + i, i % 13 == 0 ? null : "band" + (rare ? i : i % 3),
                    i % 13 == 0 ? null : LocalDate.of(2024, 1 + i % 2, 1),
                    i % 13 == 0 || i % 7 == 0 ? null : 1940 + i % 2));
        }
        rows.add(RowFactory.create("alone", null, null, null));
        Dataset<Row> data = TestSpark.session().createDataFrame(rows, SCHEMA).repartition(3);
        StagedParts.Written written = StagedParts.write(TestSpark.session(), data,
                Files.createDirectory(folder.resolve("p")), Files.createDirectory(folder.resolve("c")), "zstd",
                List.of(), QIS, Optional.empty());
        QuasiIdentifierClasses classes = written.classes();

        List<Row> suppressed = classes.suppress(data, BELOW_K).collectAsList();

        Map<List<Object>, Long> sizes = new HashMap<>();
        rows.forEach(row -> sizes.merge(qis(row), 1L, Long::sum));
        Map<String, List<Object>> expected = new HashMap<>();
        long blanked = 0;
        long allBlank = 0;
        for (Row row : rows) {
            boolean small = sizes.get(qis(row)) < K;
            blanked += small ? 1 : 0;
            List<Object> after = small ? Arrays.asList(null, null, null) : qis(row);
            allBlank += after.stream().allMatch(v -> v == null) ? 1 : 0;
            expected.put(row.getString(0), after);
        }
        Map<String, List<Object>> actual = new HashMap<>();
        suppressed.forEach(row -> actual.put(row.getString(0), qis(row)));
        assertThat(suppressed).hasSize(rows.size());
        assertThat(actual).isEqualTo(expected);
        assertThat(blanked).isGreaterThan(10);
        assertThat(classes.rowsSuppressed(BELOW_K)).isEqualTo(blanked);
        assertThat(classes.rowsBlankAfterSuppressing(BELOW_K)).isEqualTo(allBlank);
        assertThat(List.of(classes.suppress(data, BELOW_K).columns())).containsExactly(data.columns());
    }

    @Test
    void leavesRowsAsTheyAreWhenNoClassIsBelowK() throws Exception {
        Dataset<Row> data = TestSpark.session().createDataFrame(List.of(
                RowFactory.create("a", "x", LocalDate.of(2024, 1, 1), 1940),
                RowFactory.create("b", "x", LocalDate.of(2024, 1, 1), 1940)), SCHEMA);
        QuasiIdentifierClasses classes = QuasiIdentifierClasses.count(data, QIS);

        assertThat(classes.suppress(data, size -> size < 2)).isSameAs(data);
        assertThat(classes.rowsSuppressed(size -> size < 2)).isZero();
        assertThat(classes.sizes()).containsExactly(2L);
    }

    private static List<Object> qis(Row row) {
        return Arrays.asList(row.get(1), row.get(2), row.get(3));
    }
}
