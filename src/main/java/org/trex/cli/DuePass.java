package org.trex.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.trex.extract.IoReasons;
import org.trex.governance.ApprovalSubject;
import org.trex.governance.Approvals;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.governance.DueOutcome;
import org.trex.governance.DueRunReport;
import org.trex.governance.DueRunSummary;
import org.trex.governance.DueRunner;
import org.trex.governance.RunResult;
import org.trex.governance.ScheduledExtract;
import org.trex.plan.Planner;
import org.trex.run.Preflight;
import org.trex.run.RunOutcome;
import org.trex.run.RunRequest;
import org.trex.run.SafeMessages;
import org.trex.source.DatabaseClock;
import org.trex.source.DatabaseUrl;
import org.trex.source.HostClockException;
import org.trex.source.SourceCatalog;
import org.trex.spec.BoardFiles;
import org.trex.spec.BoardRegister;
import org.trex.spec.LoadedSpec;
import org.trex.spec.SpecException;

/**
 * {@code trex run --due}: one pass over the specs in a folder, running each approved, scheduled extract whose period
 * is due, each under the scheduler's run ID, and skipping (and auditing) the specs that cannot run.
 */
final class DuePass {
    private final Path specsDirectory;
    private final DatabaseUrl governanceUrl;
    private final Spark spark;
    private final Requests requests;

    /** The Spark the pass runs its extracts on, as the command's options give it. */
    record Spark(String master, int partitions, Path out, Clock host) {
        Spark {
            requireNonNull(master, "master is null");
            requireNonNull(out, "out is null");
            requireNonNull(host, "host is null");
        }
    }

    /** Makes a due run's request as the command makes a single run's, the pass's scheduler run ID its parent. */
    @FunctionalInterface
    interface Requests {
        RunRequest request(LoadedSpec spec, UUID id, LocalDate date, String schedulerRunId);
    }

    DuePass(Path specsDirectory, DatabaseUrl governanceUrl, Spark spark, Requests requests) {
        this.specsDirectory = requireNonNull(specsDirectory, "specsDirectory is null");
        this.governanceUrl = requireNonNull(governanceUrl, "governanceUrl is null");
        this.spark = requireNonNull(spark, "spark is null");
        this.requests = requireNonNull(requests, "requests is null");
    }

    /** The specs in --specs that have a schedule and an approval of their current plan, read while Spark starts. */
    private record DueSpecs(Map<String, LoadedSpec> approved, List<ScheduledExtract> scheduled) {
        DueSpecs {
            approved = Map.copyOf(requireNonNull(approved, "approved is null"));
            scheduled = List.copyOf(requireNonNull(scheduled, "scheduled is null"));
        }
    }

    /**
     * Runs the pass as of {@code date} on the database's {@code time}; what ran and how the pass ended go to
     * {@code printer}, what failed or was skipped to {@code errors}, so that a scheduler's log keeps its failures
     * apart.
     */
    int run(DatabaseClock time, LocalDate date, String schedulerRunId, PrintWriter printer, PrintWriter errors) {
        Clock clock = time.clock(spark.host());
        try {
            time.requireWithin(DatabaseClock.MOST_SKEW, "run the due extracts in " + specsDirectory);
        } catch (HostClockException refusal) {
            recordDueRefusal(date, schedulerRunId, clock, refusal);
            throw refusal;
        }
        // Before any spec is read or period claimed: a due pass as of a later day would mark its periods done.
        Preflight.requireAsOfNotAfterToday("run the due extracts in " + specsDirectory, date, clock);
        AtomicInteger skipped = new AtomicInteger();
        DueRunSummary summary;
        try {
            summary = SparkRuns.withRunner(spark.master(), spark.partitions(), spark.out(), spark.host(),
                    () -> dueSpecs(date, clock, printer, errors, skipped, schedulerRunId),
                    (runner, due) -> new DueRunner(governanceUrl, clock)
                            .runDue(due.scheduled(), date, schedulerRunId, (extract, asOfDate, id) -> {
                        LoadedSpec spec = due.approved().get(extract.extractId());
                        UUID uuid = UUID.fromString(id);
                        RunOutcome outcome = runner.run(requests.request(spec, uuid, asOfDate, schedulerRunId));
                        SparkRuns.printSummary(printer, outcome);
                        return RunResult.succeeded(outcome.extractDirectory().toString());
                    }));
        } catch (SparkRuns.FullOutFolder full) {
            // Before any spec was read, so the pass is refused whole: its entry names no extract or run, only the
            // scheduler's run ID.
            CliException refusal = new CliException(ExitCode.FAILURE, "Cannot run the due extracts in "
                    + specsDirectory + ": " + SafeMessages.of(full.disk()), full);
            recordDueRefusal(date, schedulerRunId, clock, refusal);
            throw refusal;
        }
        for (DueRunReport report : summary.runs()) {
            (report.status() == DueRunReport.Status.FAILED ? errors : printer).printf("%-24s period %s: %s%s%n",
                    report.extractId(), report.periodKey(),
                    report.status().name().toLowerCase(java.util.Locale.ROOT),
                    report.message().isEmpty() ? "" : " (" + report.message() + ")");
        }
        // A spec skipped as unapproved, changed or unreadable did not run: the scheduler must hear of it.
        DueOutcome outcome = skipped.get() > 0 ? DueOutcome.SOME_FAILED : summary.outcome();
        printer.println("Outcome: " + outcome.name().toLowerCase(java.util.Locale.ROOT)
                + (skipped.get() > 0 ? " (" + skipped.get() + " spec(s) skipped, named on standard error)" : ""));
        errors.flush();
        printer.flush();
        return outcome.exitCode();
    }

    /** Audits a pass refused whole, before it read a spec: its entry names no extract or run, only the scheduler's. */
    private void recordDueRefusal(LocalDate date, String schedulerRunId, Clock clock, RuntimeException refusal) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("specs", specsDirectory.toString());
        details.put("asOf", date.toString());
        details.put("reason", SafeMessages.of(refusal));
        details.put("schedulerRunId", schedulerRunId);
        Preflight.recordRefusal(governanceUrl, Actor.current(), Optional.empty(), Optional.empty(), details, clock);
    }

    private DueSpecs dueSpecs(LocalDate date, Clock clock, PrintWriter printer, PrintWriter errors,
            AtomicInteger skipped, String schedulerRunId) {
        RunCommand.closeAbandoned(governanceUrl, printer, clock);
        Approvals approvals = new Approvals(governanceUrl, clock);
        Skips skips = new Skips(new AuditLog(governanceUrl, clock), errors, skipped, schedulerRunId);
        Map<String, LoadedSpec> approved = new java.util.LinkedHashMap<>();
        List<ScheduledExtract> scheduled = new ArrayList<>();
        for (Path file : specFiles()) {
            Optional<String> extractId = Optional.empty();
            try {
                LoadedSpec spec = Specs.load(file);
                extractId = Optional.of(spec.spec().value().id());
                if (spec.spec().value().schedule().isEmpty()) {
                    continue;
                }
                BoardRegister board = BoardFiles.forSpec(file);
                var status = approvals.check(
                        ApprovalSubject.of(new Planner(SourceCatalog.standard(), clock).plan(spec, board, date)), board,
                        date);
                if (status.approval().isPresent() && status.state() == org.trex.governance.ApprovalState.APPROVED) {
                    approved.put(spec.spec().value().id(), spec);
                    scheduled.add(ScheduledExtract.of(spec.spec().value()));
                } else {
                    skips.skip(file, extractId, SafeMessages.line(status.message()), List.of());
                }
            } catch (SpecException e) {
                skips.skip(file, extractId, "invalid spec, policy or board register", e.problems().stream()
                        .map(String::valueOf).toList());
            } catch (RuntimeException e) {
                // One spec that cannot be planned or checked must not stop the others.
                skips.skip(file, extractId, SafeMessages.of(e), List.of());
            }
        }
        return new DueSpecs(approved, scheduled);
    }

    /**
     * Specs a due pass skipped: each is printed on standard error, counted (the pass exits 5) and audited as a refused
     * run, as a run of the spec by hand would be; the scheduler's run ID is in the entry, as the skipped run had none
     * of its own.
     */
    private record Skips(AuditLog audit, PrintWriter errors, AtomicInteger count, String schedulerRunId) {
        void skip(Path file, Optional<String> extractId, String reason, List<String> problems) {
            errors.println("skipped " + file + ": " + reason);
            problems.forEach(p -> errors.println("  " + p));
            count.incrementAndGet();
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("spec", file.toString());
            details.put("reason", "Cannot run scheduled spec " + file + ": " + reason);
            if (!problems.isEmpty()) {
                details.put("problems", problems.stream().map(SafeMessages::line).toList());
            }
            details.put("schedulerRunId", schedulerRunId);
            audit.append(Actor.current(), AuditAction.RUN_REFUSED, extractId, Optional.empty(), details);
        }
    }

    private List<Path> specFiles() {
        try (Stream<Path> files = Files.list(specsDirectory)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new CliException(ExitCode.BAD_INPUT,
                    "Cannot list extract specs in " + specsDirectory + ": " + IoReasons.of(e));
        }
    }
}
