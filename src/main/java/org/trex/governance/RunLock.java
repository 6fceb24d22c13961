package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.trex.source.DatabaseUrl;

/** A run's lock on its run ID, held by its own database session: closing it (or the process dying) frees it. */
public final class RunLock implements AutoCloseable {
    /**
     * How long a session that answers nothing is given before it counts as lost: the check runs while the run holds
     * the audit log's lock, which every other appender waits for.
     */
    private static final int ANSWER_MILLIS = 10_000;
    private static final String LEDGER = "trex.release_ledger";
    /** How often a run waiting for its turn at the release ledger says it still waits. */
    private static final Duration REMINDER = Duration.ofMinutes(1);

    private final DatabaseUrl url;
    private final Connection connection;
    private final String runId;

    RunLock(DatabaseUrl url, Connection connection, String runId) {
        this.url = requireNonNull(url, "url is null");
        this.connection = requireNonNull(connection, "connection is null");
        this.runId = Texts.requireText(runId, "run ID");
    }

    /**
     * Refuses unless the lock's session is alive and still holds it: a run whose session was lost (a network blip,
     * a pooler) can be recorded as abandoned by another process while it runs, so it must publish nothing.
     */
    public void requireHeld() {
        if (!held()) {
            throw new IllegalStateException("Cannot publish run " + runId + ": its governance session was lost and "
                    + "with it the lock on its run ID, so another process may record it as abandoned");
        }
    }

    private boolean held() {
        long key = LiveRuns.lockKey(runId);
        try {
            connection.setNetworkTimeout(Runnable::run, ANSWER_MILLIS);
            return AdvisoryLocks.heldHere(GovernanceDatabase.using(connection), key);
        } catch (SQLException | DataAccessException e) {
            return false;
        }
    }

    /**
     * Waits until no other run that releases aggregate cells of extract {@code extractId} or of project {@code
     * project} is running, then keeps such runs waiting until this lock is closed: their cells are differenced
     * against each other's through the release ledger, so they take turns, each reading the ledger the one before
     * it left. Tells {@code waiting} which run has the turn (in words; another run of the extract or project when the
     * audit log names none) and how long it has waited, as it starts to wait and again each minute it waits, so a
     * scheduler's log shows a wait alive and the run it is for, which may change. The locks are taken in one order,
     * the extract's and then the project's, so two runs never wait for each other. Waits at most {@code most} in all,
     * then refuses, naming the run that still has the turn: a run that hangs would otherwise keep every later run of
     * its project waiting, and a nightly schedule would pile them up behind it.
     */
    public void takeLedgerTurn(String extractId, String project, TurnWait most, BiConsumer<String, Duration> waiting) {
        takeLedgerTurn(extractId, project, most, REMINDER, waiting);
    }

    /** As {@link #takeLedgerTurn(String, String, TurnWait, BiConsumer)}, telling {@code waiting} each {@code every}. */
    void takeLedgerTurn(String extractId, String project, TurnWait most, Duration every,
            BiConsumer<String, Duration> waiting) {
        Texts.requireText(extractId, "extract ID");
        Texts.requireText(project, "project");
        requireNonNull(most, "most is null");
        requireNonNull(every, "every is null");
        requireNonNull(waiting, "waiting is null");
        DSLContext dsl = GovernanceDatabase.using(connection);
        String others = "another run of extract " + extractId + " or project " + project;
        long started = System.nanoTime();
        long deadline = started + most.most().toNanos();
        try {
            for (long key : List.of(AdvisoryLocks.key(LEDGER, "extract", extractId),
                    AdvisoryLocks.key(LEDGER, "project", project))) {
                boolean taken = AdvisoryLocks.tryLock(dsl, key);
                while (!taken) {
                    long now = System.nanoTime();
                    long left = (deadline - now) / 1_000_000;
                    if (left <= 0) {
                        throw new IllegalStateException("Cannot take run " + runId + "'s turn at the release ledger: "
                                + LiveRuns.holding(dsl, key).orElse(others) + " still had it after the longest wait "
                                + "allowed (" + most + "); runs that release aggregate cells of extract " + extractId
                                + " or project " + project + " take turns, each differenced against the one before, "
                                + "so run it again once that run has ended");
                    }
                    waiting.accept(LiveRuns.holding(dsl, key).orElse(others), Duration.ofNanos(now - started));
                    taken = AdvisoryLocks.lock(dsl, key, Duration.ofMillis(Math.min(left, every.toMillis())));
                }
            }
        } catch (DataAccessException e) {
            throw GovernanceDatabase.failure(url, "take run " + runId + "'s turn at the release ledger", e);
        }
    }

    @Override
    public void close() {
        LiveRuns.closeQuietly(connection);
    }
}
