package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.ReleaseHistory;
import org.trex.extract.ExtractDirectory;
import org.trex.extract.FileDigests;
import org.trex.extract.FullDisk;
import org.trex.extract.Manifest;
import org.trex.extract.ManifestOutput;
import org.trex.governance.ApprovalFiles;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.governance.LiveRuns;
import org.trex.governance.RunLock;
import org.trex.governance.Release;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleaseRegister;
import org.trex.governance.ReleasedOutput;
import org.trex.governance.ReleaseLedger;
import org.trex.lineage.ExtractVerifier;
import org.trex.lineage.LineageLog;
import org.trex.lineage.LineageReport;
import org.trex.lineage.LineageRun;
import org.trex.lineage.OpenLineageEvents;
import org.trex.lineage.OpenLineageHttpSender;
import org.trex.linkage.CountedSection;
import org.trex.linkage.LinkageCounts;
import org.trex.linkage.LinkageSection;
import org.trex.optout.ExclusionRules;
import org.trex.optout.OptOutLoader;
import org.trex.plan.ExtractPlan;
import org.trex.plan.LinkageQueries;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.SourceCatalog;
import org.trex.source.TableStatistics;
import org.trex.spec.AggregateOutput;

/**
 * One started run, which ends exactly once: published with its audit entry, or failed (staging removed, a FAIL
 * event, a failed RUN_END), whether the failure comes from the run itself or from a signal stopping the JVM.
 * The runner's shutdown hook runs after Spark has stopped, so no task still writes into the staging it removes.
 */
final class RunAttempt {
    /** The runner's: operators, their log searches and the README know a run's lines by that name. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExtractRunner.class);

    private final Parts parts;
    private final RunRequest request;
    private final ExtractPlan plan;
    private final LineageRun lineage;
    private final AuditLog audit;
    private final Clock clock;
    private final String runId;
    /** The run ID's lock, from the run's start (its RUN_START recorded); null while it has not started. */
    private RunLock lock;
    private ExtractDirectory directory;
    private boolean ended;
    /** Where the run's extract stands once published and recorded. */
    private Path published;
    /** Set by the first shutdown hook: whatever fails the run from then on, the signal is why. */
    private volatile boolean stopping;

    /**
     * What a runner hands each of its runs: the Spark session to come, the catalog, the most partitions, and the
     * environment that says where the lineage events go.
     */
    record Parts(Supplier<SparkSession> spark, SourceCatalog catalog, int partitions, Map<String, String> environment) {
        Parts {
            requireNonNull(spark, "spark is null");
            requireNonNull(catalog, "catalog is null");
            environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        }
    }

    RunAttempt(Parts parts, RunRequest request, ExtractPlan plan, LineageRun lineage, Clock clock) {
        this.parts = requireNonNull(parts, "parts is null");
        this.request = requireNonNull(request, "request is null");
        this.plan = requireNonNull(plan, "plan is null");
        this.lineage = requireNonNull(lineage, "lineage is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.audit = new AuditLog(request.governance(), clock);
        this.runId = lineage.runId().toString();
    }

    /**
     * Takes the run's lock and records its RUN_START, unless a signal ended the attempt first: under the attempt's
     * monitor, so a stopping process either ends a run that started or finds none, never a RUN_START left open.
     */
    synchronized RunLock start(Preflight preflight) {
        if (ended) {
            throw new IllegalStateException("Cannot start run " + runId + ": the process is stopping");
        }
        lock = RunStart.begin(request, preflight, audit, clock);
        return lock;
    }

    /** What the process says when a signal stopped it: published, never started, or failed. */
    synchronized String stoppedLine() {
        if (published != null) {
            // A signal that came while the run was publishing waited for it, and a run that published stands:
            // saying it could not complete would have the operator run it again, or withhold an extract the
            // records hold as released.
            return "Published run " + runId + " of " + plan.spec().id() + " (" + published + ") and recorded its"
                    + " end before the process was stopped (SIGTERM or shutdown); the extract stands";
        }
        return "Cannot " + (lock == null ? "start" : "complete") + " run " + runId + " of " + plan.spec().id()
                + ": " + (lock == null ? ExtractRunner.NOT_STARTED : ExtractRunner.STOPPED);
    }

    RunOutcome perform(Preflight preflight) throws IOException {
        ExtractDirectory staged = ExtractDirectory.stage(request.outputRoot(), plan.spec().id(), runId);
        synchronized (this) {
            directory = staged;
            if (ended) {
                staged.discard();
                throw new IllegalStateException("Cannot start run " + runId + ": the process is stopping");
            }
        }
        UnrecordedExtracts.withdraw(request.outputRoot(), plan.spec().id(), new LiveRuns(request.governance(),
                clock));
        Path log = staged.staging().resolve(LineageLog.PATH);
        LineageLog.append(log, OpenLineageEvents.start(lineage));
        long loading = System.nanoTime();
        List<String> unanalysed = TableStatistics.neverAnalysed(request.source(), plan.sourceTables()).stream()
                .map(TableStatistics::warning).toList();
        unanalysed.forEach(warning -> LOG.warn("{}", warning));
        ExclusionRules exclusions = OptOutLoader.load(request.source(), plan.exclusions());
        LOG.info("Loaded the opt-out lists in {} ms", (System.nanoTime() - loading) / 1_000_000);
        // Counted with the rules the job applies, so its left-out counts are the job's; in PostgreSQL while Spark
        // runs the job, as the two share nothing but those rules.
        CompletableFuture<CountedSection> linkage = CompletableFuture.supplyAsync(() -> {
            LinkageCounts counts = new LinkageQueries(parts.catalog()).count(plan, exclusions, request.source());
            long deciding = System.nanoTime();
            CountedSection section = CountedSection.of(counts, plan.policy().disclosure(),
                    plan.policy().biasWarningPoints(), LinkageQueries.includedShownBy(plan));
            LOG.info("Disclosure control decided the linkage section's counts in {} ms ({} linear programmes)",
                    (System.nanoTime() - deciding) / 1_000_000, section.programmes());
            return section;
        }, RunAttempt::beside);
        if (plan.outputs().stream().anyMatch(output -> output.output() instanceof AggregateOutput)) {
            // Read the ledger only once no other run of the extract or project can add cells to it before this one
            // publishes, so this run's cells are differenced against every earlier release's.
            lock.takeLedgerTurn(plan.spec().id(), plan.spec().project(), request.turnWait(),
                    (holder, waited) -> LOG.info("Waiting for {} to end: runs that release aggregate cells of extract"
                            + " {} or project {} take turns at the release ledger, each differenced against the one"
                            + " before ({} min waited, at most {})", holder, plan.spec().id(), plan.spec().project(),
                            waited.toMinutes(), request.turnWait()));
        }
        ReleaseHistory history = new ReleaseLedger(request.governance()).history(plan.spec().id(),
                plan.spec().project());
        long waitingForSpark = System.nanoTime();
        SparkSession session = parts.spark().get();
        LOG.info("Waited {} ms for Spark", (System.nanoTime() - waitingForSpark) / 1_000_000);
        ExtractJob.Result job = new ExtractJob(session, request.source(), parts.catalog(), parts.partitions())
                .run(plan, exclusions, preflight.key(), staged.data(), history, () -> {
                    // What the section shows, disclosure control takes as known: the aggregates wait for it.
                    long counting = System.nanoTime();
                    CountedSection counted = Futures.joined(linkage);
                    LOG.info("Waited {} ms for the linkage section, before protecting the aggregates",
                            (System.nanoTime() - counting) / 1_000_000);
                    return Optional.of(counted);
                });
        List<OutputResult> results = job.outputs();
        Files.writeString(staged.staging().resolve("README.md"), DataDictionary.markdown(plan, runId, results));
        ApprovalFiles.write(staged.staging(), preflight.approval());
        long waiting = System.nanoTime();
        LinkageSection missed = Futures.joined(linkage).shown();
        LOG.info("Waited {} ms for the linkage section, counted beside the job",
                (System.nanoTime() - waiting) / 1_000_000);
        LineageRun finished = LineageMapper.finished(lineage, plan, job, request.source(), missed);
        Instant completed = clock.instant();
        LineageLog.append(log, OpenLineageEvents.complete(finished, completed));
        LineageReport.write(staged.staging(), finished, completed);
        Map<String, Long> rowsByPath = new TreeMap<>();
        Map<String, String> sha256ByPath = new TreeMap<>();
        results.forEach(r -> r.files().forEach(f -> {
            rowsByPath.put(f.path(), f.rows());
            sha256ByPath.put(f.path(), f.sha256());
        }));
        Manifest.of(staged.staging(), plan.spec().id(), request.runId(), plan.specSha256(), plan.planHash(),
                rowsByPath, sha256ByPath, results.stream()
                        .map(r -> new ManifestOutput(r.plan().name(), r.rowsWritten(), r.contentSha256())).toList())
                .write(staged.staging());
        List<String> personal = ExtractVerifier.personalData(staged.staging());
        if (!personal.isEmpty()) {
            // Whatever put it there (a loaded file's name, a board member's words), the extract does not leave.
            throw new IllegalStateException("the files around its data hold what trex verify refuses: "
                    + String.join("; ", personal));
        }
        String manifestSha256 = FileDigests.sha256(staged.staging().resolve("manifest.json"));
        publish(release(request, plan, preflight.key(), staged, results), preflight.projectKey().name(),
                job.cells().cells(), history, endDetails("succeeded", results, manifestSha256, Optional.empty()),
                results);
        List<String> warnings = new ArrayList<>(unanalysed);
        warnings.addAll(send(List.of(OpenLineageEvents.start(lineage),
                OpenLineageEvents.complete(finished, completed))));
        return new RunOutcome(staged.target(), plan, finished, results, manifestSha256, warnings,
                preflight.nationalList());
    }

    /**
     * Renames staging into place inside the transaction that records the release (its people, its ledger cells,
     * its project key's binding) and the run's end: a rename that fails records nothing, and a record that cannot
     * be committed renames the extract back, so no extract stands unrecorded and no release stands for an extract
     * that was not published. A run whose session lost its lock publishes nothing: checked under the audit log's
     * lock, so no other process can record it as abandoned once the check has passed.
     */
    private synchronized void publish(Release release, String keyName, List<DecidedCell> cells,
            ReleaseHistory history, Map<String, Object> details, List<OutputResult> results) {
        if (ended) {
            throw new IllegalStateException("Cannot publish run " + runId + ": the process is stopping");
        }
        long started = System.nanoTime();
        try {
            new ReleaseRegister(request.governance(), clock).recordPublished(release, keyName, cells,
                    history, request.actor(), details, () -> {
                        lock.requireHeld();
                        removePeople(results);
                        directory.publish();
                    });
        } catch (RuntimeException e) {
            directory.unpublish();
            throw e;
        }
        ended = true;
        published = directory.target();
        LOG.info("Registered the release and published it in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    void markStopping() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    /**
     * Why the run failed with {@code e}: once the process is stopping, Spark's stopped session fails the run
     * with errors of its own (a NullPointerException, say) that would only hide the signal. A full disk is told
     * first in TREx's words (which disk, what it has free), as a task's failure reaches here in Spark's; measured
     * before the staging goes, so the space it held is not counted free.
     */
    String reason(Exception e) {
        if (stopping) {
            return ExtractRunner.STOPPED;
        }
        return FullDisk.of(request.outputRoot(), e).map(SafeMessages::of).orElseGet(() -> SafeMessages.of(e));
    }

    /** Ends the run as failed, once: a later call (the run's own failure after a signal's) does nothing. */
    synchronized void fail(String message) {
        if (ended) {
            return;
        }
        ended = true;
        if (lock == null) {
            // Stopped before it started: no RUN_START to end, no FAIL event for a run no record knows.
            return;
        }
        if (directory != null) {
            try {
                directory.discard();
            } catch (RuntimeException e) {
                LOG.warn("Cannot remove staging {}: {}", directory.staging(), SafeMessages.of(e));
            }
        }
        recordFailure(message);
        try {
            audit.append(request.actor(), AuditAction.RUN_END, Optional.of(plan.spec().id()), Optional.of(runId),
                    endDetails("failed", List.of(), "", Optional.of(message)));
        } catch (RuntimeException e) {
            // The failure itself may be the governance database; the FAIL event above still says what happened.
            LOG.warn("Cannot record the end of failed run {}: {}", runId, SafeMessages.of(e));
        }
    }

    /**
     * Runs a run's side work on a thread of its own that never keeps the JVM alive: when the run fails first, the
     * work's result is not waited for.
     */
    private static void beside(Runnable work) {
        Thread thread = new Thread(work, "trex-beside-the-job");
        thread.setDaemon(true);
        thread.start();
    }

    /** The release of a run: whom each output holds, in the files the run counted them into. */
    private static Release release(RunRequest request, ExtractPlan plan, PseudonymKey key,
            ExtractDirectory directory, List<OutputResult> results) {
        List<ReleasedOutput> outputs = new ArrayList<>();
        for (OutputResult result : results) {
            boolean aggregate = result.plan().output() instanceof AggregateOutput;
            outputs.add(new ReleasedOutput(result.plan().name(),
                    aggregate ? ReleaseOutputKind.AGGREGATE : ReleaseOutputKind.RECORDS,
                    result.plan().personColumn(), result.rowsWritten(), result.people()));
        }
        return new Release(plan.spec().id(), request.runId().toString(), plan.spec().version(), plan.spec().project(),
                key.id(), request.resolvedKeyFile().toAbsolutePath(), request.asOf(),
                plan.policy().optOuts().nationalDataOptOut(), plan.policy().objectionDeletionDays(),
                directory.target().toAbsolutePath(), outputs);
    }

    /** Removes the files of the people the register has just read: they are the register's, not the extract's. */
    private static void removePeople(List<OutputResult> results) {
        // Outputs that counted the same rows share their files, so each folder goes once.
        List<Path> folders = results.stream().flatMap(r -> r.people().stream()).map(Path::getParent).distinct()
                .toList();
        try {
            for (Path folder : folders) {
                try (var files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(folder);
            }
            for (Path unpublished : folders.stream().map(Path::getParent).distinct().toList()) {
                Files.delete(unpublished);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the people counted in " + folders + ": "
                    + e.getMessage(), e);
        }
    }

    private void recordFailure(String message) {
        FailedRunLog.write(request.outputRoot(), lineage, clock.instant(), message);
        send(List.of(OpenLineageEvents.fail(lineage, clock.instant(), message)));
    }

    private List<String> send(List<? extends com.fasterxml.jackson.databind.JsonNode> events) {
        return OpenLineageHttpSender.fromEnvironment(parts.environment()).map(sender -> sender.send(events))
                .orElse(List.of());
    }

    private static Map<String, Object> endDetails(String outcome, List<OutputResult> results, String manifestSha256,
            Optional<String> error) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", outcome);
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (OutputResult result : results) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("name", result.plan().name());
            counts.put("rowsRead", result.rowsRead());
            counts.put("rowsLeftOut", result.rowsLeftOut());
            counts.put("rowsWritten", result.rowsWritten());
            outputs.add(counts);
        }
        details.put("outputs", outputs);
        if (!manifestSha256.isEmpty()) {
            details.put("manifestSha256", manifestSha256);
        }
        error.ifPresent(e -> details.put("error", e));
        return details;
    }
}
