package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A host a little off the database's time, within the bound, goes ahead on the database's time: every host's
 * decisions and audit entries then agree, whatever their own clocks say.
 */
class DecisionsTakeTheDatabasesTimeTest {
    private final DatabaseUrl url = TestDatabase.fresh();

    @Test
    void aHostAMinuteBehindDecidesByTheDatabasesTime() {
        Clock host = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-90));

        Instant decided = DatabaseClock.of(url, host, "run extract discharge-delays").instant();

        assertThat(Duration.between(decided, databaseNow()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aFixedHostClockBecomesTheDatabasesTimeAtTheReading() {
        Clock host = Clock.fixed(Instant.now().minusSeconds(60), ZoneOffset.UTC);

        Clock clock = DatabaseClock.of(url, host, "run extract discharge-delays");

        assertThat(Duration.between(clock.instant(), databaseNow()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(clock.instant()).isEqualTo(clock.instant());
    }

    private Instant databaseNow() {
        return Instant.ofEpochMilli(Long.parseLong(Sql.strings(url,
                "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint::text").get(0)));
    }
}
