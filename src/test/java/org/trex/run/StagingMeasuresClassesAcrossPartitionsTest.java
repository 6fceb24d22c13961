package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestSpark;

/**
 * The classes staging counts as it writes, values and sizes, are those Spark's own grouping gives: classes spread
 * over several partitions are counted whole, and a missing value is a value of its own.
 */
class StagingMeasuresClassesAcrossPartitionsTest {
    private static final StructType SCHEMA = new StructType()
            .add("person", DataTypes.StringType).add("band", DataTypes.StringType).add("year", DataTypes.IntegerType);

    @TempDir
    Path folder;

    @Test
    void classesAndTheirValuesMatchAGroupByCountOnTheSameColumns() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(RowFactory.create("p" + i, i % 7 == 0 ? null : "band" + (i % 5),
                    i % 11 == 0 ? null : 1940 + i % 3));
        }
        Dataset<Row> data = TestSpark.session().createDataFrame(rows, SCHEMA).repartition(5);

        StagedParts.Written written = StagedParts.write(TestSpark.session(), data,
                Files.createDirectory(folder.resolve("p")), Files.createDirectory(folder.resolve("c")), "zstd",
                List.of(), List.of("band", "year"), Optional.empty());

        Map<List<Object>, Long> expected = new HashMap<>();
        data.groupBy("band", "year").count().collectAsList()
                .forEach(row -> expected.put(Arrays.asList(row.get(0), row.get(1)), row.getLong(2)));
        Map<List<Object>, Long> staged = new HashMap<>();
        written.classes().classes()
                .forEach(c -> staged.put(Arrays.asList(c.getKey().get(0), c.getKey().get(1)), c.getValue()));
        assertThat(staged).isEqualTo(expected);
        assertThat(written.classes().sizes().stream().mapToLong(Long::longValue).sum()).isEqualTo(2000);
        assertThat(StagedParts.write(TestSpark.session(), data, Files.createDirectory(folder.resolve("p2")),
                Files.createDirectory(folder.resolve("c2")), "zstd", List.of(), List.of(), Optional.empty())
                .classes().sizes())
                .isEmpty();
    }
}
