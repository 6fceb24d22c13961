package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static String period(String cron, String asOf) {
        return new CronSchedule(cron).periodFor(LocalDate.parse(asOf)).orElseThrow().key();
    }

    @Test
    void aMonthlyScheduleBelongsToItsLatestFiringOnOrBeforeTheAsOfDate() {
        assertThat(period("0 6 1 * *", "2025-06-01")).isEqualTo("2025-06-01T06:00");
        assertThat(period("0 6 1 * *", "2025-06-30")).isEqualTo("2025-06-01T06:00");
        assertThat(period("0 6 1 * *", "2025-05-31")).isEqualTo("2025-05-01T06:00");
    }

    @Test
    void firingsUpToTheLastMinuteOfTheDayCountButNotMidnightAfter() {
        assertThat(period("59 23 * * *", "2025-06-01")).isEqualTo("2025-06-01T23:59");
        assertThat(period("0 0 * * *", "2025-06-01")).isEqualTo("2025-06-01T00:00");
    }

    @Test
    void aWeeklyScheduleUsesTheDayOfWeek() {
        // 2025-06-04 is a Wednesday; the latest Monday 07:30 before it is 2 June.
        assertThat(period("30 7 * * 1", "2025-06-04")).isEqualTo("2025-06-02T07:30");
    }

    @Test
    void refusesAnExpressionThatIsNotFiveFieldUnixCron() {
        assertThatThrownBy(() -> new CronSchedule("0 0 6 1 * ?"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot use schedule '0 0 6 1 * ?': expected a 5-field cron expression");
        assertThatThrownBy(() -> new CronSchedule("61 6 * * *"))
                .hasMessageStartingWith("Cannot use schedule '61 6 * * *': expected a 5-field cron expression");
    }
}
