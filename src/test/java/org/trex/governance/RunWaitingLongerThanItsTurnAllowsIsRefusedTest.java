package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A run that releases aggregate cells waits for its turn at the release ledger no longer than it was given, then is
 * refused, naming the run that has the turn, as the audit log records its start: a run that hangs would otherwise keep
 * every later run of its project waiting, a night's schedule piling up behind it. While it waits it says so again at
 * each reminder; a turn that comes within the limit is taken.
 */
class RunWaitingLongerThanItsTurnAllowsIsRefusedTest {
    private static final String REFUSED = "Cannot take run run-waiting's turn at the release ledger: run run-holding "
            + "of extract discharge-delays (started at %s) still had it after the longest wait allowed (%s); runs that "
            + "release aggregate cells of extract delays-by-ward or project discharge-evaluation take turns, each "
            + "differenced against the one before, so run it again once that run has ended";
    private static final BiConsumer<String, Duration> NO_ONE = (holder, waited) -> { };

    @Test
    void aRunOfAnotherExtractOfTheProjectHoldingItsTurnIsNamedWhenTheWaitEnds() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        LiveRuns runs = new LiveRuns(url, Clock.systemUTC());
        List<String> told = new ArrayList<>();
        try (RunLock holding = runs.hold("discharge-delays", "run-holding");
                RunLock waiting = runs.hold("delays-by-ward", "run-waiting")) {
            AuditEntry started = new AuditLog(url).append("scheduler", AuditAction.RUN_START,
                    Optional.of("discharge-delays"), Optional.of("run-holding"), Map.of());
            holding.takeLedgerTurn("discharge-delays", "discharge-evaluation", TurnWait.DEFAULT, NO_ONE);

            long waited = System.nanoTime();
            assertThatThrownBy(() -> waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation",
                    TurnWait.parse("2s"), (holder, soFar) -> told.add(holder)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(REFUSED, started.at(), "2s");
            assertThat((System.nanoTime() - waited) / 1_000_000).as("ms waited").isBetween(1_900L, 30_000L);
            assertThat(told).as("told once that it waits, and for which run").containsExactly("run run-holding of "
                    + "extract discharge-delays (started at " + started.at() + ")");

            assertThatThrownBy(() -> waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation",
                    TurnWait.parse("0s"), NO_ONE))
                    .hasMessage(REFUSED, started.at(), "0s");

            holding.close();
            waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation", TurnWait.parse("0s"), NO_ONE);
        }
    }

    @Test
    void aRunThatWaitsSaysSoAgainAtEachReminder() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        LiveRuns runs = new LiveRuns(url, Clock.systemUTC());
        List<Duration> waits = new ArrayList<>();
        try (RunLock holding = runs.hold("discharge-delays", "run-holding");
                RunLock waiting = runs.hold("delays-by-ward", "run-waiting")) {
            holding.takeLedgerTurn("discharge-delays", "discharge-evaluation", TurnWait.DEFAULT, NO_ONE);

            assertThatThrownBy(() -> waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation",
                    TurnWait.parse("3s"), Duration.ofSeconds(1), (holder, waited) -> waits.add(waited)))
                    .hasMessageContaining("still had it after the longest wait allowed (3s)");
        }

        assertThat(waits).as("told as it starts to wait and at each second's reminder").hasSize(3);
        assertThat(waits.get(0)).isLessThan(Duration.ofMillis(1_000));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(900), Duration.ofMillis(2_000));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(1_900), Duration.ofMillis(3_000));
    }

    @Test
    void aRunWhoseTurnComesWithinItsLimitTakesIt() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        LiveRuns runs = new LiveRuns(url, Clock.systemUTC());
        RunLock holding = runs.hold("discharge-delays", "run-holding");
        holding.takeLedgerTurn("discharge-delays", "discharge-evaluation", TurnWait.DEFAULT, NO_ONE);
        Thread ending = new Thread(() -> {
            sleep(1_000);
            holding.close();
        });
        ending.start();
        try (RunLock waiting = runs.hold("delays-by-ward", "run-waiting")) {
            long waited = System.nanoTime();
            waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation", TurnWait.parse("1m"), NO_ONE);

            assertThat((System.nanoTime() - waited) / 1_000_000).as("ms waited").isBetween(900L, 30_000L);
        }
        ending.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
