package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
