package org.trex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.trex.governance.TurnWait;
import org.trex.pseudonym.PseudonymKey;
import org.trex.generate.GenerationSummary;
import org.trex.generate.SyntheticData;
import org.trex.governance.ApprovalFiles;
import org.trex.governance.ApprovalStatement;
import org.trex.governance.ApprovalSubject;
import org.trex.governance.Approvals;
import org.trex.governance.DeletionNotice;
import org.trex.governance.DemoBoard;
import org.trex.governance.GovernanceSchema;
import org.trex.governance.ReleaseRegister;
import org.trex.notice.NoticeRound;
import org.trex.plan.ExtractPlan;
import org.trex.plan.Planner;
import org.trex.run.RunOutcome;
import org.trex.run.RunRequest;
import org.trex.run.SparkSessions;
import org.trex.source.DatabaseUrl;
import org.trex.source.EmbeddedDatabase;
import org.trex.source.SourceCatalog;
import org.trex.spec.BoardRegister;
import org.trex.spec.LoadedSpec;
import org.trex.spec.SpecCopy;
import org.trex.sshsig.SshSignature;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trex demo}: the whole product on a machine with nothing installed. Starts an embedded PostgreSQL,
 * generates synthetic linked records, makes a demo board of two members with fresh ed25519 keys, has both sign the
 * example extract's approval statement, runs it through the same path as production (which checks the
 * signatures), has one person the extract holds object afterwards and takes the deletion notice that follows to
 * done, checked in a copy of the extract cleaned of their rows, then shuts the database down.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the example extract end to end on an embedded PostgreSQL with synthetic data: generate, "
                + "approve (two demo board members sign with fresh keys in DIR/board-keys, listed in "
                + "DIR/governance/board.yaml), run on Spark, write the extract with its lineage report; then one "
                + "person in the extract objects, a deletion notice is issued (DIR/notices), its rows are deleted from "
                + "a copy of the extract (DIR/tre-copy) and the notice is acknowledged with that copy checked. "
                + "Writes a fresh random demo key to DIR/demo.key so the pseudonyms can be checked by hand.")
public final class DemoCommand implements Callable<Integer> {
    /** The as-of date the synthetic data is made for (its allow list is current then). */
    static final LocalDate AS_OF = SyntheticData.AS_OF;
    static final String ALLOWED_SIGNERS = "allowed_signers";
    /** Who acknowledges the demo's deletion notice, as the TRE's operator would. */
    static final String TRE_OPERATOR = "Demo TRE operator";
    /** Two seats outside the example spec's requester (a council team), as the board requires two signatures. */
    static final List<DemoBoard.Seat> SEATS = List.of(
            new DemoBoard.Seat("demo-chair", "Dr Demo Chair", "Chair, research governance board (demo)",
                    "Demo NHS Foundation Trust"),
            new DemoBoard.Seat("demo-lay-member", "Demo Lay Member", "Lay member (demo)", "Demo Patients' Panel"));

    @Option(names = "--out", defaultValue = "demo-output", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--people", defaultValue = "10000", paramLabel = "N",
            description = "Synthetic population (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Random seed of the data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "Extract spec to run (default: extracts/discharge-delays.yaml).")
    Path specFile;

    @Option(names = "--master", defaultValue = "${sys:spark.master:-" + SparkSessions.DEFAULT_MASTER + "}",
            paramLabel = "URL", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws IOException {
        PrintWriter printer = commandSpec.commandLine().getOut();
        Path spec = specFile != null ? specFile
                : Path.of(System.getProperty("trex.home", ".")).resolve("extracts/discharge-delays.yaml");
        GenerateCommand.createDirectory(out);
        LoadedSpec loaded = Specs.load(SpecCopy.into(Specs.load(spec), out));
        long started = System.nanoTime();
        printer.println("Starting embedded PostgreSQL...");
        printer.flush();
        try (EmbeddedDatabase server = EmbeddedDatabase.start(out.resolve(".postgres"))) {
            DatabaseUrl url = server.createDatabase("trex_demo");
            printer.printf("Generating synthetic linked records for %,d people (seed %d)...%n", people, seed);
            printer.flush();
            GenerationSummary generated = SyntheticData.generate(url, people, seed,
                    GenerateCommand.createDirectory(out.resolve("national-check")));
            generated.lines().forEach(line -> printer.println("  " + line));
            printer.printf("  Request sent: %s; response loaded: %s%n", generated.nationalCheck().request(),
                    generated.nationalCheck().response());
            DemoFiles.writeAndLoad(url, out.resolve("council-files"), seed,
                    Path.of(System.getProperty("trex.home", ".")).resolve("mappings"), printer);
            Path key = out.resolve("demo.key");
            PseudonymKey demoKey = PseudonymKey.createRandom(key);

            GovernanceSchema.migrate(url);
            DemoBoard board = DemoBoard.create(out, "TREx demo board (not a real board)", 2, SEATS);
            ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(loaded, board.register(), AS_OF);
            ApprovalStatement statement = ApprovalStatement.of(ApprovalSubject.of(plan),
                    "DEMO-" + loaded.spec().value().id(), Optional.empty(), Optional.of("Demo data only"));
            Approvals approvals = new Approvals(url);
            printer.printf("Approving %s (plan hash %s): demo board members sign its statement%n",
                    loaded.spec().value().id(), plan.planHash());
            for (DemoBoard.Seat seat : SEATS) {
                SshSignature signature = board.sign(seat.id(), statement.bytes());
                approvals.sign(statement, signature, board.register());
                printer.printf("  signed by %s with %s%n", board.register().member(signature.key()).orElseThrow()
                        .describe(), board.keyFile(seat.id()));
            }
            Files.writeString(out.resolve(ALLOWED_SIGNERS), board.register().allowedSigners());
            printer.printf("Running on Spark (%s)...%n", master);
            printer.flush();

            UUID runId = UUID.randomUUID();
            // The embedded database runs on this host: its time is this host's.
            RunOutcome outcome = SparkRuns.withRunner(master, 4, out, Clock.systemUTC(), () -> null,
                    (runner, none) -> runner.run(new RunRequest(loaded, url, url, out,
                    runId, AS_OF, Optional.of(key), Optional.empty(), Optional.empty(), Actor.current(),
                    TurnWait.DEFAULT)));
            SparkRuns.printSummary(printer, outcome);
            printer.printf("Demo key:       %s (demo only; check a pseudonym with: bin/trex pseudonym --key-file %s "
                    + "999...)%n", key, key);
            Path approval = outcome.extractDirectory().resolve(ApprovalFiles.FOLDER);
            printer.printf("Verify:         bin/trex verify %s --board %s%n", outcome.extractDirectory(),
                    out.resolve(BoardRegister.FILE));
            printer.printf("Signatures:     ssh-keygen -Y verify -f %s -I %s -n %s -s %s < %s%n",
                    out.resolve(ALLOWED_SIGNERS), SEATS.get(0).id(), SshSignature.APPROVAL_NAMESPACE,
                    approval.resolve(SEATS.get(0).id() + ".sig"), approval.resolve(ApprovalFiles.STATEMENT));
            objectionCycle(printer, url, demoKey, key, runId);
        }
        printer.printf("Done in %.1f s; the embedded database has been shut down.%n",
                (System.nanoTime() - started) / 1e9);
        printer.flush();
        return ExitCode.OK;
    }

    /**
     * The cycle after a release: someone the extract holds objects, {@code trex objections notices} issues the
     * extract a deletion notice, the TRE operator acknowledges it ({@code trex objections ack}), and the notice is
     * done ({@code trex objections status}); the same code as those commands, on the demo's files.
     */
    private void objectionCycle(PrintWriter printer, DatabaseUrl url, PseudonymKey demoKey, Path key, UUID runId) {
        ReleaseRegister register = new ReleaseRegister(url, Clock.systemUTC());
        long releaseId = register.release(runId.toString()).orElseThrow(() -> new IllegalStateException(
                "Cannot find run " + runId + " in the release register: the demo extract was not registered")).id();
        LocalDate objected = AS_OF.plusDays(1);
        if (DemoObjection.record(url, demoKey, register, releaseId, objected).isEmpty()) {
            printer.println("Objection:      none recorded (the extract holds no one with a social care record)");
            return;
        }
        printer.printf("Objection:      one person the extract holds objected on %s (a local objection; who they are"
                + " is not shown)%n", objected);
        Path notices = out.resolve("notices");
        printer.println("                (the demo runs each command below itself, on its embedded database, which it"
                + " shuts down at the end)");
        printer.printf("Notices:        bin/trex objections notices --as-of %s --out %s%n", objected, notices);
        NoticeRound round = ObjectionsCommand.issue(url, url, List.of(key), objected, notices, Clock.systemUTC());
        ObjectionsCommand.print(printer, round, objected, notices);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (DeletionNotice notice : round.issued()) {
            // The published extract stays as released (trex verify checks it); the TRE's copy is what is cleaned.
            Path copy = DemoCopy.make(notice, out.resolve("tre-copy").resolve(notice.release().release().extractId()));
            printer.printf("TRE copy:       %s (the extract copied, the rows %s names deleted from its CSV and Parquet)"
                    + "%n", copy, notice.id());
            printer.printf("Acknowledge:    bin/trex objections ack %s --by '%s' --copy %s --out %s%n", notice.id(),
                    TRE_OPERATOR, copy, notices);
            ObjectionsCommand.acknowledge(url, notice.id(), TRE_OPERATOR, List.of(copy), notices, printer,
                    Clock.systemUTC());
        }
        printer.println("Status:         bin/trex objections status");
        ObjectionsCommand.status(url, today, printer);
    }
}
