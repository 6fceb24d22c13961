package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trex.spec.ZeroCounts;

/**
 * Rules read back from a published lineage say which values they publish (exactly those some count is released as) and
 * what a suppressed count can be, so that {@code trex verify} can refuse an exact count the rules would have hidden.
 */
class SmallCountsKnowWhatTheyPublishTest {
    @ParameterizedTest(name = "threshold {0}, round to {1}, zeros {2}")
    @CsvSource({"7, 5, disclosive", "7, 10, safe", "0, 5, safe", "0, 1, disclosive", "10, 3, disclosive",
            "3, 10, disclosive", "0, 1, safe"})
    void theValuesPublishedAreExactlyThoseSomeCountIsReleasedAs(long threshold, long roundTo, String zeros) {
        SmallCounts counts = new SmallCounts(threshold, roundTo, ZeroCounts.fromYaml(zeros).orElseThrow());
        Set<Long> released = new HashSet<>();
        for (long count = 0; count < 200; count++) {
            Optional.ofNullable(counts.release(count)).ifPresent(released::add);
        }
        for (long value = 0; value < 150; value++) {
            assertThat(counts.publishes(value)).as("%d", value).isEqualTo(released.contains(value));
        }
        assertThat(counts.publishes(-5)).isFalse();
    }

    @ParameterizedTest(name = "threshold {0}, zeros {1}: a suppressed count is {2}..{3}")
    @CsvSource({"7, disclosive, 0, 7", "7, safe, 1, 7", "0, disclosive, 0, 0"})
    void aSuppressedCountIsAnyTheRulesSuppress(long threshold, String zeros, long lowest, long highest) {
        SmallCounts counts = new SmallCounts(threshold, 5, ZeroCounts.fromYaml(zeros).orElseThrow());

        assertThat(counts.withheld()).contains(new Interval(lowest, highest));
    }

    @ParameterizedTest(name = "threshold 0, zeros safe: nothing is suppressed")
    @CsvSource({"1", "5"})
    void rulesThatSuppressNothingWithholdNothing(long roundTo) {
        assertThat(new SmallCounts(0, roundTo, ZeroCounts.SAFE).withheld()).isEmpty();
    }

    @ParameterizedTest(name = "threshold {0}, round to {1}")
    @CsvSource({"-1, 5, Cannot suppress counts at or below -1: it must be 0 or more",
            "7, 0, Cannot round counts to 0: it must be 1 or more"})
    void rulesThatCannotBeAreRefused(long threshold, long roundTo, String message) {
        assertThatThrownBy(() -> new SmallCounts(threshold, roundTo, ZeroCounts.DISCLOSIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
