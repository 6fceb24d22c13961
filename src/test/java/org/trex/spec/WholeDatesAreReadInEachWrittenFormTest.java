package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The whole dates in a text, in the forms TREx and exports write them, and what is no whole date. */
class WholeDatesAreReadInEachWrittenFormTest {
    private static final LocalDate BORN = LocalDate.of(1939, 7, 2);

    @Test
    void yearFirstAndDayFirstWithEachSeparatorAreRead() {
        assertThat(WholeDates.in("born 1939-07-02")).containsExactly(BORN);
        assertThat(WholeDates.in("born 02/07/1939")).containsExactly(BORN);
        assertThat(WholeDates.in("born 2-7-1939")).containsExactly(BORN);
        assertThat(WholeDates.in("born 02.07.1939")).containsExactly(BORN);
    }

    @Test
    void mixedSeparatorsTimesAndNoCalendarDateAreNot() {
        assertThat(WholeDates.in("02/07-1939")).isEmpty();
        assertThat(WholeDates.in("1939-07-02T10:00:00Z")).isEmpty();
        assertThat(WholeDates.in("31.02.1939")).isEmpty();
    }
}
