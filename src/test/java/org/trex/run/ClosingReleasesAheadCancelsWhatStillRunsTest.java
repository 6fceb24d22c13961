package org.trex.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestSpark;

/**
 * A run that fails while an output is released ahead cancels that release's Spark jobs, and any it would start
 * after, and waits for it to end, so it writes nothing once the run has failed; other jobs of the session still run.
 */
class ClosingReleasesAheadCancelsWhatStillRunsTest {
    @TempDir
    Path folder;

    @Test
    @Timeout(120)
    void closingCancelsTheRunningJobAndRefusesTheNext() throws Exception {
        SparkSession spark = TestSpark.session();
        Path late = folder.resolve("written-after-the-run-failed");
        try (ReleasesAhead ahead = new ReleasesAhead(spark.sparkContext())) {
            ahead.start("slow", () -> {
                try {
                    spark.range(0, 2, 1, 2).select(udf((UDF1<Long, Long>) n -> {
                        Thread.sleep(600_000);
                        return n;
                    }, DataTypes.LongType).apply(col("id"))).count();
                } catch (Exception cancelled) {
                    // A release that goes on after its job failed must not start another.
                    spark.range(0, 5).count();
                }
                Files.writeString(late, "late");
                return null;
            });
            JavaSparkContext jobs = JavaSparkContext.fromSparkContext(spark.sparkContext());
            while (jobs.statusTracker().getActiveJobIds().length == 0) {
                Thread.sleep(20);
            }
        }

        assertThat(late).doesNotExist();
        assertThat(spark.range(0, 10).count()).isEqualTo(10);
    }
}
