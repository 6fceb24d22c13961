package org.trex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.trex.pseudonym.PseudonymKey;
import org.trex.generate.GenerationSummary;
import org.trex.generate.SyntheticData;
import org.trex.governance.ApprovalRequest;
import org.trex.governance.Approvals;
import org.trex.governance.GovernanceSchema;
import org.trex.plan.Planner;
import org.trex.run.RunOutcome;
import org.trex.run.RunRequest;
import org.trex.run.SparkSessions;
import org.trex.source.DatabaseUrl;
import org.trex.source.EmbeddedDatabase;
import org.trex.source.SourceCatalog;
import org.trex.spec.LoadedSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trex demo}: the whole product on a machine with nothing installed. Starts an embedded PostgreSQL,
 * generates synthetic linked records, approves the example extract as a named demo approver and runs
 * it through the same path as production, then shuts the database down.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the example extract end to end on an embedded PostgreSQL with synthetic data: generate, "
                + "approve (as a demo approver), run on Spark, write the extract with its lineage report. Writes a fresh "
                + "random demo key to DIR/demo.key so the pseudonyms can be checked by hand.")
public final class DemoCommand implements Callable<Integer> {
    /**
     * The demo data runs to mid-2026; the as-of date sits at its end, 29 days after the synthetic allow list's date
     * ({@code SyntheticData.NATIONAL_LIST_DATE}), so the list is current and the extract holds rows.
     */
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final String APPROVER = "TREx demo approver (not a real board)";

    @Option(names = "--out", defaultValue = "demo-output", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--people", defaultValue = "10000", paramLabel = "N", description = "Synthetic population (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed of the data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--spec", paramLabel = "FILE", description = "Extract spec to run (default: extracts/discharge-delays.yaml).")
    Path specFile;

    @Option(names = "--master", defaultValue = "${sys:spark.master:-" + SparkSessions.DEFAULT_MASTER + "}", paramLabel = "URL", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        PrintWriter printer = commandSpec.commandLine().getOut();
        Path spec = specFile != null ? specFile : Path.of(System.getProperty("trex.home", ".")).resolve("extracts/discharge-delays.yaml");
        LoadedSpec loaded = Specs.load(spec);
        GenerateCommand.createDirectory(out);
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
            Path key = out.resolve("demo.key");
            PseudonymKey.createRandom(key);

            GovernanceSchema.migrate(url);
            String planHash = new Planner(SourceCatalog.standard()).plan(loaded, AS_OF).planHash();
            new Approvals(url).approve(ApprovalRequest.of(loaded.spec().value(), planHash, APPROVER,
                    "DEMO-" + loaded.spec().value().id(), Optional.empty(), Optional.of("Demo data only")));
            printer.printf("Approved %s as \"%s\" (plan hash %s)%nRunning on Spark (%s)...%n",
                    loaded.spec().value().id(), APPROVER, planHash, master);
            printer.flush();

            RunOutcome outcome = SparkRuns.withRunner(master, 4, out, () -> null, (runner, none) -> runner.run(new RunRequest(loaded, url, url, out,
                    UUID.randomUUID(), AS_OF, Optional.of(key), Optional.empty(), Optional.empty(), Actor.current())));
            SparkRuns.printSummary(printer, outcome);
            printer.printf("Demo key:       %s (demo only; check a pseudonym with: bin/trex pseudonym --key-file %s 999...)%n", key, key);
            printer.printf("Verify:         bin/trex verify %s%n", outcome.extractDirectory());
        }
        printer.printf("Done in %.1f s; the embedded database has been shut down.%n", (System.nanoTime() - started) / 1e9);
        printer.flush();
        return ExitCode.OK;
    }



}
