package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A run that releases aggregate cells waits for its turn at the release ledger no longer than it was given, then is
 * refused, naming the run that has the turn, as the audit log records its start: a run that hangs would otherwise keep
 * every later run of its project waiting, a night's schedule piling up behind it. A turn that comes within the limit
 * is taken.
 */
class RunWaitingLongerThanItsTurnAllowsIsRefusedTest {
    private static final String REFUSED = "Cannot take run run-waiting's turn at the release ledger: run run-holding "
            + "of extract discharge-delays (started at %s) still had it after the longest wait allowed (%s); runs that "
            + "release aggregate cells of extract delays-by-ward or project discharge-evaluation take turns, each "
            + "differenced against the one before, so run it again once that run has ended";

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
            holding.takeLedgerTurn("discharge-delays", "discharge-evaluation", TurnWait.DEFAULT, holder -> { });

            long waited = System.nanoTime();
            assertThatThrownBy(() -> waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation",
                    TurnWait.parse("2s"), told::add))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(REFUSED, started.at(), "2s");
            assertThat((System.nanoTime() - waited) / 1_000_000).as("ms waited").isBetween(1_900L, 30_000L);
            assertThat(told).as("told once that it waits, and for which run").containsExactly("run run-holding of "
                    + "extract discharge-delays (started at " + started.at() + ")");

            assertThatThrownBy(() -> waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation",
                    TurnWait.parse("0s"), holder -> { }))
                    .hasMessage(REFUSED, started.at(), "0s");

            holding.close();
            waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation", TurnWait.parse("0s"), holder -> { });
        }
    }

    @Test
    void aRunWhoseTurnComesWithinItsLimitTakesIt() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        LiveRuns runs = new LiveRuns(url, Clock.systemUTC());
        RunLock holding = runs.hold("discharge-delays", "run-holding");
        holding.takeLedgerTurn("discharge-delays", "discharge-evaluation", TurnWait.DEFAULT, holder -> { });
        Thread ending = new Thread(() -> {
            sleep(1_000);
            holding.close();
        });
        ending.start();
        try (RunLock waiting = runs.hold("delays-by-ward", "run-waiting")) {
            long waited = System.nanoTime();
            waiting.takeLedgerTurn("delays-by-ward", "discharge-evaluation", TurnWait.parse("1m"), holder -> { });

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
