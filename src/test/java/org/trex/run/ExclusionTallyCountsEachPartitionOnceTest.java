package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;
import org.trex.optout.ExclusionReason;
import org.trex.testing.TestSpark;

/** A partition computed twice, as a retried stage or a second job computes it, is counted once. */
class ExclusionTallyCountsEachPartitionOnceTest {
    @Test
    void twoJobsOverTheSamePartitionsCountThemOnce() {
        ExclusionTally tally = new ExclusionTally();
        TestSpark.session().sparkContext().register(tally, "test tally");
        var rows = TestSpark.session().createDataset(List.of("a", "a", "b", "c", "d", "e"), Encoders.STRING())
                .repartition(3);
        var counted = rows.filter((org.apache.spark.api.java.function.FilterFunction<String>) key -> {
            tally.add(key.equals("e")
                    ? new ExclusionTally.LeftOut(ExclusionReason.MISSING_NHS_NUMBER, OptionalLong.empty())
                    : new ExclusionTally.LeftOut(ExclusionReason.INVALID_NHS_NUMBER, OptionalLong.of(key.charAt(0))));
            return false;
        });

        counted.count();
        counted.count();

        // In the order the checks apply: a missing number is checked before an invalid one.
        assertThat(tally.counts()).containsExactly(
                new ExclusionCount("missing_nhs_number", 1, 0),
                new ExclusionCount("invalid_nhs_number", 5, 4));
    }
}
