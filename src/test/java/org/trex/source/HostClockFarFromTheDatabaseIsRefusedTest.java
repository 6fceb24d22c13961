package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trex.testing.TestDatabase;

/**
 * A host whose clock is set back or runs ahead (a broken NTP, a restored snapshot) is refused, naming how far, in
 * which direction and both times, before it decides anything by its own time.
 */
class HostClockFarFromTheDatabaseIsRefusedTest {
    private static final Pattern TIMES = Pattern.compile(
            "\\(host (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ), database (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ)\\)");

    private final DatabaseUrl url = TestDatabase.fresh();

    @Test
    void aHostHoursBehindIsRefusedWithBothTimes() {
        Clock host = Clock.offset(Clock.systemUTC(), Duration.ofHours(-3).minusMinutes(12));

        assertThatThrownBy(() -> DatabaseClock.of(url, host, "run extract discharge-delays"))
                .isInstanceOf(HostClockException.class)
                .hasMessageStartingWith("Cannot run extract discharge-delays: this host's clock is 3 h 12 min behind"
                        + " the database's (host ")
                .hasMessageEndingWith("); fix the host's time (NTP) and run again")
                .satisfies(e -> assertThat(minutesApart(e.getMessage())).isBetween(191L, 193L));
    }

    @Test
    void aHostDaysAheadIsRefused() {
        Clock host = Clock.offset(Clock.systemUTC(), Duration.ofDays(2).plusHours(1));

        assertThatThrownBy(() -> DatabaseClock.of(url, host, "load the national data opt-out allow list"))
                .isInstanceOf(HostClockException.class)
                .hasMessageStartingWith("Cannot load the national data opt-out allow list: this host's clock is 2 d 1 h"
                        + " ahead of the database's (host ");
    }

    @Test
    void aHostJustPastTheBoundIsRefusedInSeconds() {
        Clock host = Clock.offset(Clock.systemUTC(), DatabaseClock.MOST_SKEW.plusSeconds(30).negated());

        assertThatThrownBy(() -> DatabaseClock.of(url, host, "run extract discharge-delays"))
                .hasMessageContaining("this host's clock is 2 min 30 s behind the database's");
    }

    /** Minutes from the host's time to the database's, as the message names them. */
    private static long minutesApart(String message) {
        Matcher times = TIMES.matcher(message);
        assertThat(times.find()).as(message).isTrue();
        return ChronoUnit.MINUTES.between(Instant.parse(times.group(1).replace("Z", ":00Z")),
                Instant.parse(times.group(2).replace("Z", ":00Z")));
    }
}
