package org.trex.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.trex.governance.AuditEntry;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.LiveRuns;
import org.trex.governance.TurnWait;
import org.trex.lineage.OpenLineageEvents;
import org.trex.lineage.OpenLineageHttpSender;
import org.trex.lineage.ParentRun;
import org.trex.run.FailedRunLog;
import org.trex.run.Preflight;
import org.trex.run.RunOutcome;
import org.trex.run.RunRequest;
import org.trex.run.SafeMessages;
import org.trex.run.SparkSessions;
import org.trex.source.DatabaseClock;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.IdentifiersInText;
import org.trex.spec.LoadedSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trex run}: one approved extract, or with {@code --due} every approved extract whose schedule is due. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an approved extract on Spark: leave out objectors, opt-outs and records whose NHS number "
                + "cannot be checked; pseudonymise; put fields in their forms; apply disclosure control; write Parquet "
                + "and CSV with a manifest and lineage; publish atomically. With --due, run every approved spec in "
                + "--specs whose schedule is due and has not run for its period (safe to call from cron or Airflow).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ran (with --due: every due extract ran)",
            "1:the run failed, or was refused for a missing or stale national data opt-out list, for leaving"
                + " out every record, for a full disk under --out, or for a host clock over 2 min from the"
                + " database's",
            "2:bad input (an --as-of after today, a bad key, a key other than the project's or another project's, a"
                + " --run-id UUID already used, an unreachable database, a source database TREx never loaded or of"
                + " another TREx version)",
            "3:not approved, changed since approval, expired or revoked, or another board register",
            "4:--due: nothing was due",
            "5:--due: some due extracts failed, or a scheduled spec was skipped"})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC",
            description = "Extract spec YAML file (not with --due).")
    Path specFile;

    @Option(names = "--due", description = "Run every approved, scheduled spec whose period is due.")
    boolean due;

    @Option(names = "--specs", defaultValue = "extracts", paramLabel = "DIR",
            description = "With --due: the folder of extract specs (default: ${DEFAULT-VALUE}).")
    Path specsDirectory;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Date the run is as of, not after today (default: today).")
    LocalDate asOf;

    @Option(names = "--run-id", paramLabel = "ID",
            description = "Run ID: a UUID becomes the run's ID (given once); any other text (a scheduler's run ID) "
                    + "is recorded as the parent of a run with an ID of its own, so one scheduler run ID serves "
                    + "several extracts and their retries. With --due, the pass's scheduler run ID, the parent of "
                    + "each run it starts.")
    String runId;

    @Option(names = "--out", defaultValue = "${env:TREX_OUTPUT_DIR:-out}", paramLabel = "DIR",
            description = "Where extracts are written: DIR/<extract>/<run-id>/ (default: $TREX_OUTPUT_DIR or ./out).")
    Path out;

    // spark-submit hands its --master over as the spark.master property; a master set in code would win over it.
    @Option(names = "--master", defaultValue = "${sys:spark.master:-" + SparkSessions.DEFAULT_MASTER + "}",
            paramLabel = "URL",
            description = "Spark master: local[*], local-cluster[...], spark://host:port (default: spark-submit's "
                    + "--master, else " + SparkSessions.DEFAULT_MASTER + ").")
    String master;

    @Option(names = "--partitions", defaultValue = "4", paramLabel = "N",
            description = "Most partitions of the work: a read takes one for each million rows PostgreSQL "
                    + "expects, up to N, and its rows are sorted and written in N parts, or in one if it took one "
                    + "(default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--wait-for-turn", defaultValue = "1h", paramLabel = "TIME",
            description = "A spec with aggregate outputs: the longest the run waits while another run of its extract "
                    + "or project has the release ledger (they take turns, each differenced against the one before), "
                    + "then fails: 90s, 30m, 2h; 0s does not wait (default: ${DEFAULT-VALUE}).")
    TurnWait turnWait;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Pseudonymisation key file (default: $TREX_KEY_FILE, else the policy's file for the "
                    + "project).")
    Path keyFile;

    @Mixin
    DatabaseOptions database;

    @Mixin
    GovernanceOptions governance;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Mixin
    HostClock hostClock;

    @Override
    public Integer call() {
        if (due == (specFile != null)) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot run: give either SPEC or --due");
        }
        DatabaseUrl source = database.required();
        DatabaseUrl governanceUrl = governance.required(database);
        PrintWriter printer = commandSpec.commandLine().getOut();
        return due ? runDue(source, governanceUrl, printer, commandSpec.commandLine().getErr())
                : runOne(source, governanceUrl, printer);
    }

    /**
     * The database's time against this host's clock: today, and the times of what is recorded, are the database's,
     * as a host whose clock was set back would otherwise run what expired and claim periods not yet due.
     */
    private DatabaseClock databaseTime(DatabaseUrl governanceUrl) {
        return DatabaseClock.read(governanceUrl, hostClock.host);
    }

    /** The run's as-of date: the one given, else today by {@code clock}. */
    private LocalDate asOf(Clock clock) {
        return asOf == null ? LocalDate.now(clock) : asOf;
    }

    private int runOne(DatabaseUrl source, DatabaseUrl governanceUrl, PrintWriter printer) {
        Clock host = hostClock.host;
        Optional<UUID> given = Optional.ofNullable(runId).flatMap(RunCommand::uuid);
        Optional<String> schedulerRun = given.isPresent() ? Optional.empty() : Optional.ofNullable(runId).map(
                RunCommand::withoutIdentifiers);
        // A scheduler's run ID names a DAG run, which holds many extract tasks and their retries: each is a run of
        // its own, so its ID is fresh and the scheduler's is only its parent.
        UUID id = given.orElseGet(UUID::randomUUID);
        // Spark starts while the spec is read and its approval and key are checked; a refusal stops it before any
        // data is read.
        try {
            SparkRuns.withRunner(master, partitions, out, host, () -> {
                // Only the clock's reading here: a host too far from it is refused by the preflight, which audits
                // the refusal under the extract's name.
                Clock clock = databaseTime(governanceUrl).clock(host);
                closeAbandoned(governanceUrl, printer, clock);
                RunRequest request = request(Specs.load(specFile), source, governanceUrl, id, asOf(clock),
                        schedulerRun);
                return new Checked(request, Preflight.check(request, SourceCatalog.standard(), host));
            }, (runner, checked) -> {
                RunOutcome published = runner.run(checked.request(), checked.preflight());
                // Before Spark stops: a signal while it stops still exits 143, but after the lines that say where
                // the published extract is, so the operator knows it stands.
                SparkRuns.printSummary(printer, published);
                return published;
            });
        } catch (SparkRuns.FullOutFolder full) {
            // Found before the checks, so audited here as they audit their refusals: a scheduler's operator looks for
            // the run in the audit log.
            Clock clock = databaseTime(governanceUrl).clock(host);
            RunRequest request = request(Specs.load(specFile), source, governanceUrl, id, asOf(clock), schedulerRun);
            CliException refusal = new CliException(ExitCode.FAILURE, "Cannot run extract "
                    + request.spec().spec().value().id() + ": " + SafeMessages.of(full.disk()), full);
            Preflight.recordRefusal(request, Optional.empty(), clock, refusal);
            throw refusal;
        }
        return ExitCode.OK;
    }

    /** A request and the preflight it passed while Spark started. */
    private record Checked(RunRequest request, Preflight preflight) {
        Checked {
            requireNonNull(request, "request is null");
            requireNonNull(preflight, "preflight is null");
        }
    }

    /** The --due pass, as of --as-of (else the database's today), under --run-id (else one of its own). */
    private int runDue(DatabaseUrl source, DatabaseUrl governanceUrl, PrintWriter printer, PrintWriter errors) {
        DatabaseClock time = databaseTime(governanceUrl);
        LocalDate date = asOf(time.clock(hostClock.host));
        String schedulerRunId = runId == null ? UUID.randomUUID().toString() : withoutIdentifiers(runId);
        DuePass.Spark spark = new DuePass.Spark(master, partitions, out, hostClock.host);
        DuePass pass = new DuePass(specsDirectory, governanceUrl, spark, (spec, id, asOfDate, scheduler) ->
                request(spec, source, governanceUrl, id, asOfDate, Optional.of(scheduler)));
        return pass.run(time, date, schedulerRunId, printer, errors);
    }

    /**
     * Records each started run whose process ended without recording its end (killed, or failed with the governance
     * database down: its FAIL event is then cited) as abandoned, and says so: the runs TREx starts, and
     * {@code trex audit}, close what a dead run left open. A read-only role records none, and is told which runs look
     * abandoned.
     */
    static void closeAbandoned(DatabaseUrl governanceUrl, PrintWriter printer, Clock clock) {
        closeAbandoned(governanceUrl, printer, System.getenv(), clock);
    }

    /**
     * Records each abandoned run, and ends its lineage with an ABORT event where the runs send their events
     * ({@link OpenLineageHttpSender}), so a lineage server does not show it running for ever.
     */
    static void closeAbandoned(DatabaseUrl governanceUrl, PrintWriter printer, Map<String, String> environment,
            Clock clock) {
        GovernanceSchema.migrate(governanceUrl);
        Map<String, LiveRuns.RecordedFailure> failures = new java.util.HashMap<>();
        LiveRuns.Closed closed = new LiveRuns(governanceUrl, clock).closeAbandoned(Actor.current(),
                run -> {
                    Optional<LiveRuns.RecordedFailure> failure = FailedRunLog.failure(run);
                    failure.ifPresent(f -> failures.put(run.runId(), f));
                    return failure;
                });
        Optional<OpenLineageHttpSender> sender = OpenLineageHttpSender.fromEnvironment(environment);
        for (AuditEntry entry : closed.recorded()) {
            Optional<LiveRuns.RecordedFailure> failure = entry.runId().map(failures::get);
            String message = "Recorded run " + entry.runId().orElse("-") + " of " + entry.extractId().orElse("-")
                    + " as abandoned (audit entry " + entry.seq() + "): its process ended without recording its end"
                    + failure.map(f -> " (it failed at " + f.failedAt() + ": " + f.error() + ")").orElse("")
                    + ", and no release of it was recorded (an extract it left in place is withdrawn by the extract's"
                    + " next run)";
            printer.println(message);
            Optional<UUID> lineageRun = entry.runId().flatMap(RunCommand::uuid);
            if (sender.isPresent() && lineageRun.isPresent() && entry.extractId().isPresent()) {
                sender.get().send(List.of(OpenLineageEvents.abort(lineageRun.get(), entry.extractId().get(),
                        entry.at(), message))).forEach(problem -> printer.println("WARNING " + problem));
            }
        }
        for (LiveRuns.AbandonedRun run : closed.unrecorded()) {
            printer.println("Run " + run.runId() + " of " + run.extractId().orElse("-") + " looks abandoned (started "
                    + "in audit entry " + run.startSeq() + ", with no end and no live process) but could not be "
                    + "recorded as such: read-only access to the governance database");
        }
        printer.flush();
    }

    /**
     * A scheduler's run ID with what looks like an NHS number or a full postcode in it (typed by hand for a manual
     * run) redacted, as the audit log stores it: the ID goes into the lineage beside the data, its FAIL events and
     * the runs a pass records, and would otherwise hold a run back only once it had read everything.
     */
    private static String withoutIdentifiers(String schedulerRunId) {
        return IdentifiersInText.redacted(schedulerRunId);
    }

    /** A run ID as a UUID: a run's own, as its lineage events carry it; other text is a scheduler's, of no run. */
    private static Optional<UUID> uuid(String runId) {
        try {
            return Optional.of(UUID.fromString(runId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A scheduler's run, when one is named, becomes the lineage parent under a UUID derived from its ID. */
    private RunRequest request(LoadedSpec spec, DatabaseUrl source, DatabaseUrl governanceUrl, UUID id, LocalDate date,
            Optional<String> schedulerRun) {
        Optional<Path> key = Optional.ofNullable(keyFile)
                .or(() -> Optional.ofNullable(System.getenv("TREX_KEY_FILE")).map(Path::of));
        Optional<ParentRun> parent = schedulerRun.map(s -> new ParentRun("scheduler", "trex-run",
                UUID.nameUUIDFromBytes(("scheduler:" + s).getBytes(StandardCharsets.UTF_8))));
        return new RunRequest(spec, source, governanceUrl, out, id, date, key, parent, schedulerRun, Actor.current(),
                turnWait);
    }
}
