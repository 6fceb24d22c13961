package org.trex.governance;

import static java.util.Objects.requireNonNull;
import static org.trex.governance.GovernanceTables.RUN_EXTRACT_ID;
import static org.trex.governance.GovernanceTables.RUN_FAILURE;
import static org.trex.governance.GovernanceTables.RUN_FINISHED_AT;
import static org.trex.governance.GovernanceTables.RUN_PERIOD_KEY;
import static org.trex.governance.GovernanceTables.RUN_RUN_ID;
import static org.trex.governance.GovernanceTables.RUN_SCHEDULER_RUN_ID;
import static org.trex.governance.GovernanceTables.RUN_STARTED_AT;
import static org.trex.governance.GovernanceTables.RUN_STATUS;
import static org.trex.governance.GovernanceTables.SCHEDULED_RUN;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.trex.plan.DifferencingReview;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;

/**
 * Runs the due scheduled extracts once each per period, however many schedulers start at once: each
 * run holds a PostgreSQL session advisory lock on (extract id, period) and re-checks the period under it.
 */
public final class DueRunner {
    private final DatabaseUrl url;
    private final Clock clock;
    private final Schedules schedules;

    public DueRunner(DatabaseUrl url) {
        this(url, Clock.systemUTC());
    }

    public DueRunner(DatabaseUrl url, Clock clock) {
        this.url = requireNonNull(url, "url is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.schedules = new Schedules(url);
    }

    /**
     * Runs every due extract among {@code approved} with the launcher, recording each run under the scheduler's run id.
     */
    public DueRunSummary runDue(List<ScheduledExtract> approved, LocalDate asOf, String schedulerRunId,
            ExtractLauncher launcher) {
        requireNonNull(asOf, "asOf is null");
        Texts.requireText(schedulerRunId, "scheduler run id");
        requireNonNull(launcher, "launcher is null");
        List<DueRun> due = schedules.dueRuns(approved, asOf);
        List<DueRunReport> reports = new ArrayList<>();
        try (Connection connection = url.connect()) {
            DSLContext dsl = GovernanceDatabase.using(connection);
            closeAbandoned(dsl, schedulerRunId);
            for (DueRun run : due) {
                reports.add(runLocked(dsl, run, asOf, schedulerRunId, launcher));
            }
        } catch (DataAccessException e) {
            throw GovernanceDatabase.failure(url, "run due extracts", e);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot run due extracts in " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
        return new DueRunSummary(schedulerRunId, reports);
    }

    /**
     * Marks FAILED each period a pass left STARTED when its process died (kill -9, a power cut) before the shutdown
     * hook could: a live pass holds the period's lock for as long as it runs, so a STARTED row whose lock is free is a
     * dead pass's. A row that ended between the read and the lock keeps its status.
     */
    private void closeAbandoned(DSLContext dsl, String schedulerRunId) {
        var started = dsl.select(RUN_EXTRACT_ID, RUN_PERIOD_KEY, RUN_RUN_ID).from(SCHEDULED_RUN)
                .where(RUN_STATUS.eq(ScheduledRunStatus.STARTED.name())).orderBy(RUN_STARTED_AT).fetch();
        for (var row : started) {
            long key = lockKey(row.value1(), row.value2());
            if (!AdvisoryLocks.tryLock(dsl, key)) {
                continue;
            }
            try {
                dsl.update(SCHEDULED_RUN)
                        .set(RUN_STATUS, ScheduledRunStatus.FAILED.name())
                        .set(RUN_FINISHED_AT, now())
                        .set(RUN_FAILURE, "Cannot complete the run: its process ended before it recorded an end "
                                + "(killed, its host stopped, or the governance database unreachable; the run's audit "
                                + "entries say which); found by scheduler run " + schedulerRunId)
                        .where(RUN_RUN_ID.eq(row.value3()))
                        .and(RUN_STATUS.eq(ScheduledRunStatus.STARTED.name()))
                        .execute();
            } finally {
                AdvisoryLocks.unlock(dsl, key);
            }
        }
    }

    private DueRunReport runLocked(DSLContext dsl, DueRun run, LocalDate asOf, String schedulerRunId,
            ExtractLauncher launcher) {
        String extractId = run.extract().extractId();
        String periodKey = run.period().key();
        long key = lockKey(extractId, periodKey);
        if (!AdvisoryLocks.tryLock(dsl, key)) {
            return new DueRunReport(extractId, periodKey, DueRunReport.Status.RUNNING_ELSEWHERE, Optional.empty(),
                    "Skipped extract " + extractId + " for period " + periodKey + ": already running elsewhere");
        }
        try {
            // Another scheduler may have finished this period between our due check and taking the lock.
            if (Schedules.succeeded(dsl, extractId, run.period())) {
                return new DueRunReport(extractId, periodKey, DueRunReport.Status.ALREADY_RAN, Optional.empty(),
                        "Skipped extract " + extractId + " for period " + periodKey + ": it already ran");
            }
            return launch(dsl, run, asOf, schedulerRunId, launcher);
        } finally {
            AdvisoryLocks.unlock(dsl, key);
        }
    }

    private DueRunReport launch(DSLContext dsl, DueRun run, LocalDate asOf, String schedulerRunId,
            ExtractLauncher launcher) {
        String extractId = run.extract().extractId();
        String periodKey = run.period().key();
        String runId = UUID.randomUUID().toString();
        dsl.insertInto(SCHEDULED_RUN)
                .set(RUN_EXTRACT_ID, extractId)
                .set(RUN_PERIOD_KEY, periodKey)
                .set(RUN_RUN_ID, runId)
                .set(RUN_SCHEDULER_RUN_ID, schedulerRunId)
                .set(RUN_STATUS, ScheduledRunStatus.STARTED.name())
                .set(RUN_STARTED_AT, now())
                .execute();
        // Aggregates cannot be recalled: a release after a notice that named some is for a person to review first.
        List<DifferencingReview> reviews = new DeletionNotices(url, clock).differencingReviews(extractId);
        RunResult result = reviews.isEmpty() ? launchUntilStopped(launcher, run.extract(), asOf, runId)
                : RunResult.failed("a scheduled run does not publish a release that " + reviews.stream()
                        .map(DifferencingReview::describe).collect(Collectors.joining("; "))
                        + "; review it against the notice, then run the spec by hand (trex run SPEC)");
        boolean succeeded = result.outcome() == RunResult.Outcome.SUCCEEDED;
        dsl.update(SCHEDULED_RUN)
                .set(RUN_STATUS, (succeeded ? ScheduledRunStatus.SUCCEEDED : ScheduledRunStatus.FAILED).name())
                .set(RUN_FINISHED_AT, now())
                .set(RUN_FAILURE, succeeded ? null : result.detail())
                .where(RUN_RUN_ID.eq(runId))
                .execute();
        return succeeded
                ? new DueRunReport(extractId, periodKey, DueRunReport.Status.SUCCEEDED, Optional.of(runId),
                        "Ran extract " + extractId + " for period " + periodKey + " as run " + runId + ": "
                                + result.detail())
                : new DueRunReport(extractId, periodKey, DueRunReport.Status.FAILED, Optional.of(runId),
                        "Cannot run extract " + extractId + " for period " + periodKey + " (run " + runId + "): "
                                + result.detail());
    }

    /** The launch, with the period marked failed, not left STARTED for ever, if a scheduler's timeout stops it. */
    private RunResult launchUntilStopped(ExtractLauncher launcher, ScheduledExtract extract, LocalDate asOf,
            String runId) {
        Thread stopped = new Thread(() -> markStopped(runId), "trex-due-run-stopped");
        Runtime.getRuntime().addShutdownHook(stopped);
        try {
            return launchCatching(launcher, extract, asOf, runId);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopped);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: it records the stop.
            }
        }
    }

    private static RunResult launchCatching(ExtractLauncher launcher, ScheduledExtract extract, LocalDate asOf,
            String runId) {
        try {
            return requireNonNull(launcher.launch(extract, asOf, runId), "launcher returned null");
        } catch (Exception e) {
            // One broken extract must not stop the others; it stays due and is retried on the next pass. Exception, as
            // Spark throws its checked SparkException undeclared. The launcher's failures carry TREx's own one-line
            // messages (a run's is already scrubbed); only the first line is kept, should a library's reach here.
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return RunResult.failed(message.lines().findFirst().orElse(e.getClass().getSimpleName()));
        }
    }

    private void markStopped(String runId) {
        GovernanceDatabase.transaction(url, "record a stopped run", dsl -> dsl.update(SCHEDULED_RUN)
                .set(RUN_STATUS, ScheduledRunStatus.FAILED.name())
                .set(RUN_FINISHED_AT, now())
                .set(RUN_FAILURE,
                        "Cannot complete the run: the process was stopped (SIGTERM or shutdown) before it ended")
                .where(RUN_RUN_ID.eq(runId))
                .and(RUN_STATUS.eq(ScheduledRunStatus.STARTED.name()))
                .execute());
    }

    /** A 64-bit advisory lock key for (extract, period), from SHA-256 so keys of different pairs do not meet. */
    static long lockKey(String extractId, String periodKey) {
        return AdvisoryLocks.key("trex.scheduled_run", extractId, periodKey);
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
