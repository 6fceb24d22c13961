package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;
import org.trex.spec.ZeroCounts;

/** Primary suppression and rounding of one count, and what a published value tells an attacker. */
class SmallCountsSuppressAndRoundTest {
    @ParameterizedTest(name = "threshold {0}, round to {1}, zeros {2}: {3} -> {4}")
    @CsvSource(nullValues = "suppressed", textBlock = """
            # threshold, round_to, zeros,      count, released
              7,         5,        disclosive, 0,     suppressed
              7,         5,        safe,       0,     0
              7,         5,        disclosive, 7,     suppressed
              7,         5,        safe,       7,     suppressed
              7,         5,        disclosive, 8,     10
              7,         5,        disclosive, 12,    10
              7,         5,        disclosive, 13,    15
              10,        1,        disclosive, 10,    suppressed
              10,        1,        disclosive, 11,    11
              0,         10,       disclosive, 0,     suppressed
              0,         10,       safe,       0,     0
              0,         10,       disclosive, 4,     0
              0,         10,       disclosive, 5,     10
            """)
    void decides(int threshold, int roundTo, String zeros, long count, Long released) {
        SmallCounts counts = new SmallCounts(rules(threshold, roundTo, zeros));
        assertThat(counts.release(count)).isEqualTo(released);
        assertThat(counts.isSmall(count)).isEqualTo(released == null);
    }

    @ParameterizedTest(name = "threshold {0}, round to {1}, zeros {2}: published {3} means {4}..{5}")
    @CsvSource(textBlock = """
            # threshold, round_to, zeros,      released, lowest, highest
              7,         5,        disclosive, 10,       8,      12
              7,         5,        disclosive, 15,       13,     17
              7,         5,        safe,       0,        0,      0
              7,         10,       disclosive, 10,       8,      14
              7,         1,        disclosive, 9,        9,      9
              0,         5,        disclosive, 0,        1,      2
              0,         5,        safe,       0,        0,      2
            """)
    void tellsTheAttackerARange(int threshold, int roundTo, String zeros, long released, long lowest, long highest) {
        Interval interval = new SmallCounts(rules(threshold, roundTo, zeros)).published(released);
        assertThat(interval).isEqualTo(new Interval(lowest, highest));
    }

    @ParameterizedTest(name = "threshold {0}, round to {1}, zeros {2}")
    @CsvSource({"7, 5, disclosive", "7, 10, safe", "0, 5, safe", "0, 1, disclosive", "10, 3, disclosive"})
    void everyReleasedCountLiesInTheRangeItsValueTells(int threshold, int roundTo, String zeros) {
        SmallCounts counts = new SmallCounts(rules(threshold, roundTo, zeros));
        for (long count = 0; count < 40; count++) {
            Long out = counts.release(count);
            if (out != null) {
                Interval range = counts.published(out);
                assertThat((double) count).isBetween(range.lower(), range.upper());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void refusesANegativeCount() {
        assertThatThrownBy(() -> new SmallCounts(rules(7, 5, "disclosive")).release(-1))
                .hasMessage("Cannot release count -1: counts are never negative");
    }

    static DisclosureRules rules(int threshold, int roundTo, String zeros) {
        return new DisclosureRules(5, KAnonymityAction.SUPPRESS, threshold, roundTo)
                .withZeros(ZeroCounts.fromYaml(zeros).orElseThrow());
    }
}
