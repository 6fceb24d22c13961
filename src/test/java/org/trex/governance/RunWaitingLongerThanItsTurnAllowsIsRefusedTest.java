package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A run that releases aggregate cells waits for its turn at the release ledger no longer than it was given, then is
 * refused, naming the extract and project whose turn it waited for: a run that hangs would otherwise keep every later
 * run of its project waiting, a night's schedule piling up behind it. A turn that comes within the limit is taken.
 */
class RunWaitingLongerThanItsTurnAllowsIsRefusedTest {
    private static final String REFUSED = "Cannot take run run-waiting's turn at the release ledger: another run of "
            + "extract delays-by-ward or project discharge-evaluation still had it after the longest wait allowed (%s);"
            + " runs that release aggregate cells take turns, each differenced against the one before, so run it again"
            + " once that run has ended";

    @Test
    void aRunOfAnotherExtractOfTheProjectHoldingItsTurnRefusesTheWaitAfterItsLimit() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        LiveRuns runs = new LiveRuns(url, Clock.systemUTC());
        AtomicInteger told = new AtomicInteger();
        try (RunLock holding = runs.hold("discharge-delays", "run-holding");
                RunLock waiting = runs.hold("delays-by-ward", "run-waiting")) {
            holding.takeLedgerTurn("discharge-delays", "discharge-evaluation", TurnWait.DEFAULT, () -> { });

            long started = System.nanoTime();
            assertThatThrownBy(() -> waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation",
                    TurnWait.parse("2s"), told::incrementAndGet))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(REFUSED, "2s");
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms waited").isBetween(1_900L, 30_000L);
            assertThat(told).as("told once that it waits").hasValue(1);

            assertThatThrownBy(() -> waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation",
                    TurnWait.parse("0s"), () -> { }))
                    .hasMessage(REFUSED, "0s");

            holding.close();
            waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation", TurnWait.parse("0s"), () -> { });
        }
    }

    @Test
    void aRunWhoseTurnComesWithinItsLimitTakesIt() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        LiveRuns runs = new LiveRuns(url, Clock.systemUTC());
        RunLock holding = runs.hold("discharge-delays", "run-holding");
        holding.takeLedgerTurn("discharge-delays", "discharge-evaluation", TurnWait.DEFAULT, () -> { });
        Thread ending = new Thread(() -> {
            sleep(1_000);
            holding.close();
        });
        ending.start();
        try (RunLock waiting = runs.hold("delays-by-ward", "run-waiting")) {
            long started = System.nanoTime();
            waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation", TurnWait.parse("1m"), () -> { });

            assertThat((System.nanoTime() - started) / 1_000_000).as("ms waited").isBetween(900L, 30_000L);
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
