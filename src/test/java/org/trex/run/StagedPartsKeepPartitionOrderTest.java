package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestSpark;

/**
 * Staging writes one Parquet and one CSV part per partition, in partition order, each holding that partition's
 * rows in their order, both forms row for row alike; no attempt file is left beside them.
 */
class StagedPartsKeepPartitionOrderTest {
    private static final StructType SCHEMA = new StructType()
            .add("name", DataTypes.StringType).add("n", DataTypes.IntegerType);

    @TempDir
    Path folder;

    @Test
    void partsComeBackOnePerPartitionInOrderWithTheSameRowsInBothForms() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(RowFactory.create("row" + i, i));
        }
        Dataset<Row> data = TestSpark.session().createDataFrame(rows, SCHEMA).repartition(7).sortWithinPartitions("n");
        Path parquet = Files.createDirectory(folder.resolve("parquet"));
        Path csv = Files.createDirectory(folder.resolve("csv"));

        List<StagedParts.Part> parts = StagedParts.write(TestSpark.session(), data, parquet, csv, "zstd", List.of(),
                List.of(), Optional.empty()).parts();

        assertThat(parts).extracting(StagedParts.Part::partition).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(parts).extracting(StagedParts.Part::rows).containsExactlyElementsOf(
                data.javaRDD().mapPartitions(it -> {
                    long n = 0;
                    for (; it.hasNext(); it.next()) {
                        n++;
                    }
                    return List.of(n).iterator();
                }).collect());
        List<String> csvLines = new ArrayList<>();
        List<String> parquetLines = new ArrayList<>();
        for (StagedParts.Part part : parts) {
            csvLines.addAll(Files.readAllLines(part.csv()));
            TestSpark.session().read().parquet(part.parquet().toString()).collectAsList()
                    .forEach(row -> parquetLines.add(row.getString(0) + "," + row.getInt(1)));
        }
        List<String> expected = data.collectAsList().stream().map(r -> r.getString(0) + "," + r.getInt(1)).toList();
        assertThat(csvLines).hasSize(1000).containsExactlyElementsOf(expected);
        assertThat(parquetLines).containsExactlyElementsOf(expected);
        try (Stream<Path> left = Stream.concat(Files.list(parquet), Files.list(csv))) {
            assertThat(left).allMatch(p -> p.getFileName().toString().startsWith("part-"));
        }
    }
}
