package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text from libraries and from files anyone could edit loses NHS numbers, postcodes and dates of birth. */
class SafeMessagesScrubPersonalDataTest {
    @Test
    void libraryMessagesLoseNumbersPostcodesAndDates() {
        String scrubbed = SafeMessages.of(new IllegalStateException(
                "Failed to cast value '943 476 5919' (9434765919) for LE1 5WW born 1944-03-10"));

        assertThat(scrubbed).doesNotContain("943 476 5919", "9434765919", "LE1 5WW", "1944-03-10")
                .isEqualTo("Failed to cast value '[redacted]' ([redacted]) for [redacted] born [date]");
    }

    @Test
    void ownMessagesKeepTheirDatesReferencesAndDigests() {
        String message = "Cannot run extract x: approval IGB-2026-031 expired on 2026-06-30; plan hash "
                + "b52f7eafaa1b63bf9159b2408be8fdae144f1dd9f021d99eb2aadd46f2d5171c";

        assertThat(SafeMessages.of(new IllegalArgumentException(message))).isEqualTo(message);
    }

    @Test
    void numbersBesideLettersOrDotsPostcodesWithoutSpacesAndDayFirstDatesAreScrubbed() {
        String scrubbed = SafeMessages.of(new IllegalStateException("Unrecognized token 'NHSa9990000018' or "
                + "9990000018e, 999.000.0018, LE12NE_x, born 24/09/1947"));

        assertThat(scrubbed).doesNotContain("9990000018", "999.000.0018", "LE12NE", "24/09/1947")
                .isEqualTo("Unrecognized token 'NHS[redacted]' or [redacted], [redacted], [redacted]_x, born [date]");
    }

    @Test
    void digestsAndKeyIdsStayReadableEvenWhenTheyHoldTenDigitsThatPassTheCheck() {
        String line = "Cannot verify data/x.csv: SHA-256 "
                + "ab9990000018cd0123456789abcdef0123456789abcdef0123456789abcdef01, key ID 9990000018abcdef, period "
                + "2025-04-01/2026-03-31";

        assertThat(SafeMessages.line(line)).isEqualTo(line);
    }

    @Test
    void runIdsStayWholeThoughTheirLastGroupIsAllDigits() {
        String line = "Cannot publish run 0b6f2d1e-8c4a-4e3b-9f2d-999000001899 of x: staging .staging-"
                + "0b6f2d1e-8c4a-4e3b-9f2d-999000001899 is held";

        assertThat(SafeMessages.line(line)).isEqualTo(line);
        assertThat(SafeMessages.line("value 0b6f2d1e-9990000018")).isEqualTo("value 0b6f2d1e-[redacted]");
    }
}
