package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TurnWaitIsWrittenAsSchedulersWriteItTest {
    @Test
    void secondsMinutesAndHoursAreRead() {
        assertThat(TurnWait.parse("90s").most()).isEqualTo(Duration.ofSeconds(90));
        assertThat(TurnWait.parse("30m").most()).isEqualTo(Duration.ofMinutes(30));
        assertThat(TurnWait.parse("2h").most()).isEqualTo(Duration.ofHours(2));
        assertThat(TurnWait.parse("0s").most()).isZero();
        assertThat(TurnWait.parse("999999h").most()).isEqualTo(Duration.ofHours(999_999));
        assertThat(TurnWait.DEFAULT.most()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aWaitIsWrittenInTheLargestUnitThatGivesItWhole() {
        assertThat(TurnWait.parse("90s")).hasToString("90s");
        assertThat(TurnWait.parse("120s")).hasToString("2m");
        assertThat(TurnWait.parse("180m")).hasToString("3h");
        assertThat(TurnWait.parse("0h")).hasToString("0s");
        assertThat(TurnWait.DEFAULT).hasToString("1h");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1d", "-5m", "PT1H", "1.5h", "30", "m", "1234567h"})
    void otherFormsAreRefused(String text) {
        assertThatThrownBy(() -> TurnWait.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read the wait for a turn '" + text + "': give whole seconds, minutes or hours, as "
                        + "90s, 30m or 2h (0s: do not wait)");
    }

    @Test
    void aNegativeWaitIsRefused() {
        assertThatThrownBy(() -> new TurnWait(Duration.ofSeconds(-1)))
                .hasMessage("Cannot wait PT-1S for a turn at the release ledger: the wait is negative");
    }

    @Test
    void aWaitLongerThanTheFormWritesIsRefused() {
        assertThatThrownBy(() -> new TurnWait(Duration.ofDays(365L * 300)))
                .hasMessage("Cannot wait PT2628000H for a turn at the release ledger: the longest wait is PT999999H");
    }
}
