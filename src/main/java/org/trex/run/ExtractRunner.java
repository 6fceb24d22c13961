package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.trex.governance.RunLock;
import org.trex.governance.SignedApproval;
import org.trex.lineage.LineageRun;
import org.trex.plan.ExtractPlan;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.SourceCatalog;

/**
 * Runs an approved extract end to end: plan, approval check, key, audit, staging, Spark, data
 * dictionary, lineage, manifest, atomic publish. Anything that fails leaves no extract at the final
 * path, a FAIL event in the extract's {@code failed-runs/} log, and a failed RUN_END in the audit log.
 */
public final class ExtractRunner {
    /** Below SparkContext's own shutdown hook (50), so a stopped run is cleaned up after Spark's tasks stopped. */
    private static final int AFTER_SPARK_STOPS = 40;
    /** Above every hook of Spark's, so the run knows it is being stopped before Spark's stopping fails it. */
    private static final int BEFORE_SPARK_STOPS = Integer.MAX_VALUE;
    /** Why a run ends when a signal (or any shutdown) stops the process, whatever failure the stopping causes. */
    static final String STOPPED = "the process was stopped (SIGTERM or shutdown) before the run ended";
    /** Why a run stopped before its RUN_START was recorded ends: nothing to end, nothing read, nothing to undo. */
    static final String NOT_STARTED = "the process was stopped (SIGTERM or shutdown) before the run started; nothing "
            + "was read or published and the audit log records no start of it: run it again";

    private final Supplier<SparkSession> spark;
    private final SourceCatalog catalog;
    private final int partitions;
    /** The host's clock, which each run's preflight moves onto the database's time. */
    private final Clock host;
    private final Map<String, String> environment;

    /**
     * A runner on the session {@code spark} gives, asked for only when a run's job starts: a run checks its approval,
     * starts under its lock and loads the opt-out lists (PostgreSQL's work) while the session may still be starting.
     */
    public ExtractRunner(Supplier<SparkSession> spark, SourceCatalog catalog, int partitions, Clock host,
            Map<String, String> environment) {
        this.spark = requireNonNull(spark, "spark is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.partitions = partitions;
        this.host = requireNonNull(host, "host is null");
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    /** Runs the request; throws {@code NotApprovedException} before anything is read when it is not approved. */
    public RunOutcome run(RunRequest request) {
        requireNonNull(request, "request is null");
        return run(request, Preflight.check(request, catalog, host));
    }

    /**
     * Runs a request whose preflight passed moments before, while Spark started: checked again, it would hold the
     * run's first read back by half a second. The run ID is still checked again under the run's lock.
     */
    public RunOutcome run(RunRequest request, Preflight preflight) {
        requireNonNull(request, "request is null");
        requireNonNull(preflight, "preflight is null");
        ExtractPlan plan = preflight.plan();
        SignedApproval approval = preflight.approval();
        PseudonymKey key = preflight.key();
        Clock clock = preflight.clock();
        String runId = request.runId().toString();
        Instant started = clock.instant();
        LineageRun lineage = LineageMapper.started(request, plan, approval, key, preflight.nationalList(), started,
                org.apache.spark.package$.MODULE$.SPARK_VERSION()).withLoads(preflight.loads());
        RunAttempt.Parts parts = new RunAttempt.Parts(spark, catalog, partitions, environment);
        RunAttempt attempt = new RunAttempt(parts, request, plan, lineage, clock);
        String notStarted = "Cannot start run " + runId + " of " + plan.spec().id() + ": " + NOT_STARTED;
        var hooks = org.apache.spark.util.ShutdownHookManager$.MODULE$;
        Object stopping;
        Object hook;
        try {
            stopping = hooks.addShutdownHook(BEFORE_SPARK_STOPS, () -> {
                attempt.markStopping();
                return scala.runtime.BoxedUnit.UNIT;
            });
            // Before the run starts, so a signal that comes while it takes its lock and records its RUN_START still
            // gets its line, and a RUN_START it recorded gets its failed end.
            hook = hooks.addShutdownHook(AFTER_SPARK_STOPS, () -> {
                attempt.fail(STOPPED);
                // The JVM halts when its hooks end, so the main thread's own line may never be printed: a scheduler's
                // log gets the line from here, and only from here.
                System.err.println("trex: " + attempt.stoppedLine());
                System.err.flush();
                return scala.runtime.BoxedUnit.UNIT;
            });
        } catch (IllegalStateException shuttingDown) {
            // Spark's hooks are running: the process is stopping, and a run started now would have no hook to end it.
            throw new RunFailedException(notStarted, shuttingDown, RunFailedException.Told.BY_THE_COMMAND);
        }
        String stopped = "Cannot complete run " + runId + " of " + plan.spec().id() + ": " + STOPPED;
        RunLock lock;
        try {
            lock = attempt.start(preflight);
        } catch (RuntimeException e) {
            if (attempt.stopping()) {
                throw new RunFailedException(notStarted, e, RunFailedException.Told.BY_SHUTDOWN);
            }
            // A refused start (its run ID taken meanwhile, the audit log unreachable) keeps its own message and code.
            hooks.removeShutdownHook(hook);
            hooks.removeShutdownHook(stopping);
            throw e;
        }
        try {
            return attempt.perform(preflight);
        } catch (Exception e) {
            // Spark throws its checked SparkException undeclared (a task that failed: a full disk, a dropped database),
            // so every exception takes this one path.
            String message = attempt.reason(e);
            attempt.fail(message);
            if (attempt.stopping()) {
                throw new RunFailedException(stopped, e, RunFailedException.Told.BY_SHUTDOWN);
            }
            if (e instanceof DisclosureException || e instanceof EmptyExtractException
                    || e instanceof IllegalArgumentException) {
                // A disclosure refusal, an extract every record of which was left out, or a run refused at staging
                // (its --out or --run-id) keeps its own message and exit code.
                throw (RuntimeException) e;
            }
            throw new RunFailedException("Cannot complete run " + runId + " of " + plan.spec().id() + ": " + message,
                    e, RunFailedException.Told.BY_THE_COMMAND);
        } finally {
            // A stopping process keeps its hook, which prints why the run ended.
            if (!attempt.stopping()) {
                hooks.removeShutdownHook(hook);
                hooks.removeShutdownHook(stopping);
            }
            // Only after the run's end is recorded: a free lock with no end means a dead run.
            lock.close();
        }
    }
}
