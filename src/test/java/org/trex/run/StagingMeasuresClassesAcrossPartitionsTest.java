package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The class sizes staging counts as it writes are those Spark's own grouping gives: classes spread over several
 * partitions are counted whole, and a missing value is a value of its own.
 */
class StagingMeasuresClassesAcrossPartitionsTest {
    private static final StructType SCHEMA = new StructType()
            .add("person", DataTypes.StringType).add("band", DataTypes.StringType).add("year", DataTypes.IntegerType);

    @TempDir
    Path folder;

    @Test
    void classSizesMatchAGroupByCountOnTheSameColumns() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(RowFactory.create("p" + i, i % 7 == 0 ? null : "band" + (i % 5), i % 11 == 0 ? null : 1940 + i % 3));
        }
        Dataset<Row> data = TestSpark.session().createDataFrame(rows, SCHEMA).repartition(5);

        StagedParts.Written written = StagedParts.write(TestSpark.session(), data, Files.createDirectory(folder.resolve("p")),
                Files.createDirectory(folder.resolve("c")), "zstd", List.of(), List.of("band", "year"), Optional.empty());

        List<Long> expected = data.groupBy("band", "year").count().collectAsList().stream()
                .map(row -> row.getLong(2)).sorted().toList();
        assertThat(written.classSizes().stream().sorted().toList()).isEqualTo(expected);
        assertThat(written.classSizes().stream().mapToLong(Long::longValue).sum()).isEqualTo(2000);
        assertThat(StagedParts.write(TestSpark.session(), data, Files.createDirectory(folder.resolve("p2")),
                Files.createDirectory(folder.resolve("c2")), "zstd", List.of(), List.of(), Optional.empty()).classSizes()).isEmpty();
    }
}
