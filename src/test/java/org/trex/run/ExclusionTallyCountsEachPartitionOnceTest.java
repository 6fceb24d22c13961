package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;
import org.trex.testing.TestSpark;

/** A partition computed twice, as a retried stage or a second job computes it, is counted once. */
class ExclusionTallyCountsEachPartitionOnceTest {
    @Test
    void twoJobsOverTheSamePartitionsCountThemOnce() {
        ExclusionTally tally = new ExclusionTally();
        TestSpark.session().sparkContext().register(tally, "test tally");
        var rows = TestSpark.session().createDataset(List.of("a", "a", "b", "c", "d", "e"), Encoders.STRING()).repartition(3);
        var counted = rows.filter((org.apache.spark.api.java.function.FilterFunction<String>) key -> {
            tally.add(new ExclusionTally.LeftOut(key.equals("e") ? "missing_nhs_number" : "invalid_nhs_number",
                    key.equals("e") ? null : key));
            return false;
        });

        counted.count();
        counted.count();

        assertThat(tally.counts()).containsExactly(
                new ExclusionCount("invalid_nhs_number", 5, 4),
                new ExclusionCount("missing_nhs_number", 1, 0));
    }
}
