package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * Hosts read the database's time a few milliseconds apart: an entry appended after another, from a host whose
 * reading lags, takes the time of the entry before it, so the log's times follow its sequence and its chain holds.
 */
class AuditEntriesNeverGoBackInTimeTest {
    private static final Instant FIRST = Instant.parse("2026-12-06T12:00:00.000250Z");

    /** A log whose one entry was appended at {@link #FIRST}. */
    private static DatabaseUrl logWithAnEntryAtFirst() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        new AuditLog(url, Clock.fixed(FIRST, ZoneOffset.UTC)).append("runner", AuditAction.RUN_START,
                Optional.of("discharge-delays"), Optional.of("run-1"), Map.of());
        return url;
    }

    @Test
    void anEntryFromAHostWhoseClockLagsTakesTheTimeOfTheOneBeforeIt() {
        DatabaseUrl url = logWithAnEntryAtFirst();
        Clock lagging = Clock.fixed(FIRST.minus(Duration.ofMillis(3)), ZoneOffset.UTC);

        AuditLog log = new AuditLog(url, lagging);
        log.append("runner", AuditAction.RUN_START, Optional.of("discharge-delays"), Optional.of("run-2"), Map.of());

        List<AuditEntry> entries = log.list(Optional.empty());
        assertThat(entries).extracting(AuditEntry::at).containsExactly(FIRST, FIRST);
        assertThat(log.verify()).isEmpty();
    }

    @Test
    void anEntryFromAClockAheadKeepsItsOwnTime() {
        DatabaseUrl url = logWithAnEntryAtFirst();
        Instant later = FIRST.plusMillis(3);

        AuditLog log = new AuditLog(url, Clock.fixed(later, ZoneOffset.UTC));
        log.append("runner", AuditAction.RUN_END, Optional.of("discharge-delays"), Optional.of("run-1"), Map.of());

        assertThat(log.list(Optional.empty())).extracting(AuditEntry::at).containsExactly(FIRST, later);
    }
}
