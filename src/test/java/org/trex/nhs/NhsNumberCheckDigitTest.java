package org.trex.nhs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NhsNumberCheckDigitTest {
    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "9876543210", "4000000632", "6328797966", "943 476 5919", "943-476-5919"})
    void validNumbersFromTheDomainNotes(String raw) {
        assertThat(NhsNumberStatus.of(raw)).isEqualTo(NhsNumberStatus.VALID);
        assertThat(NhsNumber.parse(raw).digits()).hasSize(10).containsOnlyDigits();
    }

    @ParameterizedTest
    @ValueSource(strings =
            {"1234567890", "4865447041", "9876544321", "943476591", "94347659190", "943.476.5919", "94347659l9"})
    void invalidNumbers(String raw) {
        assertThat(NhsNumberStatus.of(raw)).isEqualTo(NhsNumberStatus.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000", "1111111111", "4444444444", "9999999999", "999 999 9999", "000-000-0000"})
    void placeholdersOfOneRepeatedDigitPassTheCheckButAreInvalid(String raw) {
        String digits = NhsNumber.normalise(raw);
        assertThat(NhsNumber.checkDigit(digits.substring(0, 9))).isEqualTo(digits.charAt(9) - '0');
        assertThat(NhsNumberStatus.of(raw)).isEqualTo(NhsNumberStatus.INVALID);
        byte[] bytes = raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(NhsNumber.numberIn(bytes, 0, bytes.length)).isEqualTo(NhsNumber.INVALID);
    }

    @Test
    void missingNumbers() {
        assertThat(NhsNumberStatus.of(null)).isEqualTo(NhsNumberStatus.MISSING);
        assertThat(NhsNumberStatus.of("  ")).isEqualTo(NhsNumberStatus.MISSING);
    }

    @Test
    void parseErrorNeverRepeatsTheValue() {
        assertThatThrownBy(() -> NhsNumber.parse("1234567890"))
                .hasMessage("Cannot parse NHS number: "
                        + "the value is not ten digits with a correct Modulus 11 check digit, or is one digit ten"
                        + " times")
                .hasMessageNotContaining("1234567890");
        assertThat(NhsNumber.parse("9434765919").toString()).doesNotContain("9434765919");
    }

    @Test
    void checkDigitMakesValidTestRangeNumbers() {
        assertThat(NhsNumber.checkDigit("999000001")).isEqualTo(8);
        assertThat(NhsNumber.parse("9990000018").isTestRange()).isTrue();
    }
}
