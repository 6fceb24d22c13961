package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestSpark;

/**
 * Rows sorted on a long key alone leave with the rows that tie on it in content order, whatever order they came
 * in, and the key itself is never written: the order stays a function of content while Spark sorts by radix.
 */
class RowsTiedOnTheSortKeyFollowTheirContentTest {
    private static final StructType KEYED = new StructType()
            .add("name", DataTypes.StringType).add("n", DataTypes.IntegerType).add("key", DataTypes.LongType, false);

    @TempDir
    Path folder;

    @Test
    void stagedPartsPutTiedRowsInContentOrderAndDropTheKey() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int n = i % 11;
            rows.add(RowFactory.create(i % 7 == 0 ? null : "name" + (i % 37), n, keyOf(n)));
        }
        Collections.shuffle(rows, new Random(7));
        Dataset<Row> sorted = TestSpark.session().createDataFrame(rows, KEYED).repartition(3)
                .sortWithinPartitions("key");
        Path parquet = Files.createDirectory(folder.resolve("parquet"));
        Path csv = Files.createDirectory(folder.resolve("csv"));

        List<StagedParts.Part> parts = StagedParts.write(TestSpark.session(), sorted, parquet, csv, "zstd", List.of(),
                List.of(), Optional.of(new StagedParts.SortKey(List.of("name", "n"), Optional.empty()))).parts();

        List<String> all = new ArrayList<>();
        for (StagedParts.Part part : parts) {
            List<String> lines = Files.readAllLines(part.csv());
            List<Row> staged = TestSpark.session().read().parquet(part.parquet().toString()).collectAsList();
            assertThat(staged).allSatisfy(row -> assertThat(row.length()).isEqualTo(2));
            assertThat(staged.stream().map(RowsTiedOnTheSortKeyFollowTheirContentTest::csv).toList())
                    .containsExactlyElementsOf(lines);
            assertThat(staged).isSortedAccordingTo(Comparator.<Row>comparingLong(row -> keyOf(row.getInt(1)))
                    .thenComparing(row -> row.isNullAt(0) ? null : row.getString(0),
                            Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingInt(row -> row.getInt(1)));
            all.addAll(lines);
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(
                rows.stream().map(RowsTiedOnTheSortKeyFollowTheirContentTest::csv).toList());
    }

    /** Few keys for many rows, so most rows tie. */
    private static long keyOf(int n) {
        return n % 3;
    }

    @Test
    void tiedRunsAreSortedOnContentAndTheRestKeepTheirPlace() {
        List<Object[]> input = List.of(
                new Object[] {"c", 1L}, new Object[] {"a", 2L}, new Object[] {"b", 2L}, new Object[] {"a", 2L},
                new Object[] {"z", 3L}, new Object[] {"y", 4L}, new Object[] {"x", 4L});

        List<String> names = names(new TiesInContentOrder(reusingOneRow(input), 1, byName()));

        assertThat(names).containsExactly("c", "a", "a", "b", "z", "x", "y");
    }

    @Test
    void nothingToReadIsNothingHandedOn() {
        TiesInContentOrder none = new TiesInContentOrder(reusingOneRow(List.of()), 1, byName());

        assertThat(none.hasNext()).isFalse();
        assertThatThrownBy(none::next).isInstanceOf(NoSuchElementException.class)
                .hasMessage("Cannot read past the last row");
    }

    private static String csv(Row row) {
        return (row.isNullAt(0) ? "" : row.getString(0)) + "," + row.getInt(1);
    }

    private static Comparator<InternalRow> byName() {
        return Comparator.comparing(row -> row.getUTF8String(0).toString());
    }

    private static List<String> names(Iterator<InternalRow> rows) {
        List<String> names = new ArrayList<>();
        rows.forEachRemaining(row -> names.add(row.getUTF8String(0).toString()));
        return names;
    }

    /** As Spark hands out sorted rows: one row object, overwritten for each row. */
    private static Iterator<InternalRow> reusingOneRow(List<Object[]> values) {
        GenericInternalRow row = new GenericInternalRow(2);
        Iterator<Object[]> source = values.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public InternalRow next() {
                Object[] next = source.next();
                row.update(0, org.apache.spark.unsafe.types.UTF8String.fromString((String) next[0]));
                row.update(1, next[1]);
                return row;
            }
        };
    }
}
