package org.trex.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestSpark;

/** A staging task that fails part-way through its rows leaves neither a part nor an attempt file behind. */
class FailedStagingTaskLeavesNoPartTest {
    @TempDir
    Path folder;

    @Test
    void aTaskFailingMidwayRemovesWhatItHadWritten() throws Exception {
        Dataset<Row> failing = TestSpark.session().range(0, 5000, 1, 1).toDF("n")
                .withColumn("checked", udf((UDF1<Long, Long>) n -> {
                    if (n == 4000) {
                        throw new IllegalStateException("Cannot check row: broken on purpose");
                    }
                    return n;
                }, DataTypes.LongType).apply(col("n")));
        Path parquet = Files.createDirectory(folder.resolve("parquet"));
        Path csv = Files.createDirectory(folder.resolve("csv"));

        assertThatThrownBy(() -> StagedParts.write(TestSpark.session(), failing, parquet, csv, "zstd", List.of(),
                        List.of(), Optional.empty()))
                .hasStackTraceContaining("broken on purpose");

        try (Stream<Path> left = Stream.concat(Files.list(parquet), Files.list(csv))) {
            assertThat(left).isEmpty();
        }
    }
}
