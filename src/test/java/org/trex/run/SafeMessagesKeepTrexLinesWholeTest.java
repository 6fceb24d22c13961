package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A library's line is cut at 500 characters, as it can quote a whole row; TREx's own lines ("Cannot ...") say what and
 * why, which a reader needs whole, up to 2,000 characters.
 */
class SafeMessagesKeepTrexLinesWholeTest {
    @Test
    void anOwnLineOfEightHundredCharactersIsKeptWhole() {
        String line = "Cannot adopt board register board.yaml: " + "a reason a board needs to read. ".repeat(24);

        assertThat(line.length()).isGreaterThan(800);
        assertThat(SafeMessages.of(new IllegalArgumentException(line))).isEqualTo(line);
    }

    @Test
    void aLibraryLineIsCutAtFiveHundred() {
        String line = "Unexpected character in row: " + "x".repeat(800);

        assertThat(SafeMessages.of(new IllegalStateException(line))).hasSize(503).endsWith("...");
    }

    @Test
    void anOwnLineIsCutAtTwoThousand() {
        String line = "Cannot do this: " + "y".repeat(3000);

        assertThat(SafeMessages.of(new IllegalStateException(line))).hasSize(2003).endsWith("...");
    }
}
