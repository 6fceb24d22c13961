package org.trex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.trex.generate.GenerationSummary;
import org.trex.generate.LinkageSummary;
import org.trex.generate.NationalFiles;
import org.trex.generate.SyntheticData;
import org.trex.generate.TraceFailureBias;
import org.trex.source.DatabaseUrl;
import org.trex.source.EmbeddedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trex generate}: fills an empty source database with synthetic linked records. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Fill an empty source database with synthetic linked social care and hospital records"
                + " (999-range NHS numbers only), go through the national data opt-out check (request file, synthetic"
                + " allow list, loaded), then print rows per table, timings and a linkage summary.")
public final class GenerateCommand implements Callable<Integer> {
    /** The summary is shown as of the synthetic data's extraction date. */
    static final LocalDate SUMMARY_DATE = LocalDate.of(2026, 6, 30);

    @Mixin
    DatabaseOptions database;

    @Option(names = "--people", paramLabel = "N", defaultValue = "10000",
            description = "Size of the synthetic population (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Random seed; the same seed gives the same rows (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--check-files", paramLabel = "DIR",
            description = "Keep the national data opt-out check's request file and synthetic response in DIR "
                    + "(default: they are removed once loaded).")
    Path checkFiles;

    @Option(names = "--trace-failure-bias", paramLabel = "DIMENSION=GROUP=RATE",
            description = "Make PDS trace failures more common in one group of council records, e.g."
                    + " ethnicity=Asian=0.3 or age_band=85+=0.4 (dimensions age_band, ethnicity; rate 0 to 1), to check"
                    + " that plans and lineage reports find the bias.")
    String traceFailureBias;

    @Option(names = "--as-files", paramLabel = "DIR",
            description = "Write the council's records as the national files trex load reads (ASC-CLD per reporting"
                    + " year, SUS APC spells, objection register; with a byte order mark, CRLF, Release 1 values, both"
                    + " date formats and a few rows to quarantine) into DIR, and leave in the database only what no"
                    + " file brings (GP registrations, opt-out lists). With no database configured, a throwaway"
                    + " embedded one is used.")
    Path asFiles;

    @Option(names = "--embedded",
            description = "With no database configured, start a throwaway embedded PostgreSQL (data discarded on "
                    + "exit).")
    boolean embedded;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<TraceFailureBias> bias;
        try {
            bias = Optional.ofNullable(traceFailureBias).map(TraceFailureBias::parse);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.BAD_INPUT, e.getMessage());
        }
        if (database.url().isPresent() || !embedded && asFiles == null) {
            run(database.required(), out, bias);
            return ExitCode.OK;
        }
        out.println("Starting embedded PostgreSQL; the generated data is discarded on exit.");
        out.flush();
        try (EmbeddedDatabase server = EmbeddedDatabase.start(Path.of(System.getProperty("java.io.tmpdir")))) {
            run(server.createDatabase("trex_generated"), out, bias);
        }
        return ExitCode.OK;
    }

    static Path createDirectory(Path directory) {
        try {
            return java.nio.file.Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create folder " + directory + ": " + e.getMessage(), e);
        }
    }

    private void run(DatabaseUrl url, PrintWriter out, Optional<TraceFailureBias> bias) {
        GenerationSummary summary = checkFiles == null ? SyntheticData.generate(url, people, seed, bias)
                : SyntheticData.generate(url, people, seed, createDirectory(checkFiles), bias);
        summary.lines().forEach(out::println);
        if (checkFiles != null) {
            out.println("Request sent: " + summary.nationalCheck().request() + "; response loaded: "
                    + summary.nationalCheck().response());
        }
        out.println();
        try (var connection = url.connect()) {
            LinkageSummary.fetch(DSL.using(connection, SQLDialect.POSTGRES), SUMMARY_DATE).lines()
                    .forEach(out::println);
        } catch (java.sql.SQLException e) {
            throw new org.trex.source.DatabaseException("Cannot summarise linkage in " + url.redacted() + ": "
                    + DatabaseUrl.safeMessage(e), e);
        }
        if (asFiles != null) {
            NationalFiles.Written files = NationalFiles.write(url, asFiles, seed);
            out.println();
            out.println(
                    "Wrote the council's files (their rows are no longer in the database; load them with trex load):");
            files.socialCare().forEach(file -> out.println("  trex load social-care " + file
                    + " --mapping mappings/cld-release-1.yaml --council-code " + NationalFiles.COUNCIL_CODE));
            out.println("  trex load hospital " + files.hospital());
            out.println("  trex load objections " + files.objections());
        }
        out.flush();
    }
}
