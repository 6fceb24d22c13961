package org.trex.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.trex.nhs.NhsNumber;

/**
 * The bench's people hold every valid number of the 999 test range, once each: a prefix without a check digit
 * gives no number (it once gave an eleven-character one, which a run leaves out as invalid), nor does the
 * placeholder 9999999999.
 */
class BenchNumbersAreValidTest {
    @Test
    void everyNumberIsAValidDistinctTestRangeNumber() {
        String[] numbers = BenchLoader.numbers(BenchLoader.NUMBER_CAPACITY);

        assertThat(numbers).allSatisfy(n -> assertThat(NhsNumber.tryParse(n)).hasValueSatisfying(
                valid -> assertThat(valid.isTestRange()).isTrue()));
        assertThat(Arrays.stream(numbers).distinct().count()).isEqualTo(BenchLoader.NUMBER_CAPACITY);
        assertThat(numbers).doesNotContain("9999999999").endsWith("9999999980");
    }
}
