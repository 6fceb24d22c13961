package org.trex.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.trex.bench.BenchReport;
import org.trex.bench.Benchmark;
import org.trex.source.DatabaseUrl;
import org.trex.source.EmbeddedDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trex bench}: measures a whole run against psql and a hand-written baseline on bench data. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load N synthetic hospital spells (NHS numbers reused cyclically) into an empty database "
                + "(embedded unless --database-url), approve the bench spec as a bench approver, then time on the same "
                + "data: psql \\copy of the extract's SELECT, a hand-written CSV + HMAC baseline, a whole trex run in "
                + "a fresh JVM (with its peak memory), and our HMAC against Spark's sha2. Prints a table and writes "
                + "DIR/bench.json.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--people", required = true, paramLabel = "N",
            description = "Spells to load and extract; with --spec, people to generate (at most 1,400,000).")
    long rows;

    @Option(names = "--spec", paramLabel = "FILE", description = "Bench this shipped spec (for a council-sized case, "
            + "extracts/discharge-delays.yaml with --people 1400000) on a population made as trex generate makes it, "
            + "instead of the bench spec on bench spells.")
    Path spec;

    @Option(names = "--spells", paramLabel = "N", description = "With --spec: copy the generated population (under "
            + "rotated NHS numbers, so people repeat) until it holds N hospital spells, for sizes past 1,400,000 "
            + "people.")
    Long spells;

    @Option(names = "--out", defaultValue = "bench-output", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--partitions", defaultValue = "4", paramLabel = "N",
            description = "Most partitions of the work: a read takes one for each million rows PostgreSQL "
                    + "expects, up to N, and its rows are sorted and written in N parts, or in one if it took one "
                    + "(default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--pairs", defaultValue = "1", paramLabel = "N",
            description = "Time psql \\copy and trex run N times, alternating on the same data, and judge the run's "
                    + "targets on the median of the pairs: one machine's timings move by 10-20%% from minute to minute "
                    + "(default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--keep",
            description = "Keep the CSV copies and the extract (removed by default; bench.json and logs stay).")
    boolean keep;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        PrintWriter printer = commandSpec.commandLine().getOut();
        Benchmark benchmark = new Benchmark(Path.of(System.getProperty("trex.home", ".")), out, partitions, pairs,
                printer);
        Benchmark.Leftovers leftovers = keep ? Benchmark.Leftovers.KEEP : Benchmark.Leftovers.REMOVE;
        BenchReport report;
        if (database.url().isPresent()) {
            report = measure(benchmark, database.url().get(), leftovers);
        } else {
            printer.println("Starting embedded PostgreSQL...");
            printer.flush();
            try (EmbeddedDatabase server = EmbeddedDatabase.start(out.resolve(".postgres"))) {
                report = measure(benchmark, server.createDatabase("trex_bench"), leftovers);
            }
        }
        report.lines().forEach(printer::println);
        printer.printf("Commands timed:%n  %s%n  %s%n  %s%nWritten: %s%n", report.copy().commandLine(),
                report.baseline().commandLine(), report.run().commandLine(), out.resolve("bench.json"));
        printer.flush();
        return ExitCode.OK;
    }

    private BenchReport measure(Benchmark benchmark, DatabaseUrl url, Benchmark.Leftovers leftovers) {
        if (spec == null && spells != null) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot copy a population to " + spells + " spells: --spells "
                    + "needs --spec (the bench spec's --people are spells already)");
        }
        if (spec == null) {
            return benchmark.spells(url, rows, leftovers);
        }
        if (rows > Integer.MAX_VALUE) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot generate " + rows + " people: give at most 1,400,000");
        }
        return benchmark.population(url, (int) rows, spells == null ? OptionalLong.empty() : OptionalLong.of(spells),
                spec, leftovers);
    }
}
