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

    @Test
    void dayFirstInWordsIsRead() {
        assertThat(WholeDates.in("born 2 July 1939")).containsExactly(BORN);
        assertThat(WholeDates.in("born 02 July 1939.")).containsExactly(BORN);
        assertThat(WholeDates.in("born 2nd July 1939")).containsExactly(BORN);
        assertThat(WholeDates.in("born on the 2nd of July, 1939")).containsExactly(BORN);
        assertThat(WholeDates.in("born 2 Jul 1939")).containsExactly(BORN);
        assertThat(WholeDates.in("born 2 Jul. 1939")).containsExactly(BORN);
        assertThat(WholeDates.in("DOB 02-JUL-1939")).containsExactly(BORN);
        assertThat(WholeDates.in("DOB 2/jul/1939")).containsExactly(BORN);
        assertThat(WholeDates.in("born 2\u00a0July\u00a01939")).containsExactly(BORN);
        assertThat(WholeDates.in("born 23rd September 1939, 1 Sept 1939 and 4 Sep 1939")).containsExactlyInAnyOrder(
                LocalDate.of(1939, 9, 23), LocalDate.of(1939, 9, 1), LocalDate.of(1939, 9, 4));
    }

    @Test
    void monthFirstInWordsIsRead() {
        assertThat(WholeDates.in("born July 2, 1939")).containsExactly(BORN);
        assertThat(WholeDates.in("born July 2nd, 1939")).containsExactly(BORN);
        assertThat(WholeDates.in("born Jul 2 1939")).containsExactly(BORN);
        assertThat(WholeDates.in("born (JULY 02, 1939)")).containsExactly(BORN);
    }

    @Test
    void yearMonthDayRunTogetherIsRead() {
        assertThat(WholeDates.in("born 19390702")).containsExactly(BORN);
        assertThat(WholeDates.in("DOB:19390702, female")).containsExactly(BORN);
        assertThat(WholeDates.in("(19390702).")).containsExactly(BORN);
    }

    @Test
    void wordsThatAreNoWholeDateAreNot() {
        assertThat(WholeDates.in("discharged in July 1939, aged 65")).isEmpty();
        assertThat(WholeDates.in("from March 2024 to 2025")).isEmpty();
        assertThat(WholeDates.in("31 February 1939, 32 July 1939, 2 Julyish 1939")).isEmpty();
        assertThat(WholeDates.in("the Mayor 2 1939 report, 12 Marching 1939")).isEmpty();
        assertThat(WholeDates.in("version 1.2 July 1939, 1,2 July 1939")).isEmpty();
    }

    @Test
    void versionsHashesRunIdsCountsAndEightDigitNonDatesAreNot() {
        assertThat(WholeDates.in("TREx 1.4.0, Spark 4.0.1, PostgreSQL 15.13, build 2.19390702")).isEmpty();
        assertThat(WholeDates.in("SHA-256 9f3a19390702c4e1d2b7a8f0e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6")).isEmpty();
        assertThat(WholeDates.in("SHA-256 19390702b3c4e1d2b7a8f0e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6")).isEmpty();
        assertThat(WholeDates.in("run 19390702-4e13-86fd-3064-9e0d37be3d32 of discharge-delays")).isEmpty();
        assertThat(WholeDates.in("run 3d326cb1-d299-4e13-86fd-19390702a0b1")).isEmpty();
        assertThat(WholeDates.in("19,390,702 rows; 19.390.702 bytes")).isEmpty();
        assertThat(WholeDates.in("20251399 and 19391302 and 19390732 rows")).isEmpty();
        assertThat(WholeDates.in("loaded apc_19390702.csv and cld-19390702.csv, v19390702, 119390702")).isEmpty();
    }
}
