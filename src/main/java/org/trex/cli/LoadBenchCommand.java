package org.trex.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trex.bench.LoadBench;
import org.trex.source.DatabaseUrl;
import org.trex.source.EmbeddedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trex bench-load}: times {@code trex load social-care} on a generated file of N event rows. */
@Command(name = "bench-load", mixinStandardHelpOptions = true,
        description = "Write a social care (CLD) file of N event rows and time loading it (check, COPY, commit,"
                + " ANALYZE); on an embedded PostgreSQL unless --database-url is given.")
public final class LoadBenchCommand implements Callable<Integer> {
    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N",
            description = "Event rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("trex-bench-load");
        try {
            if (database.url().isPresent()) {
                print(out, LoadBench.run(database.url().get(), dir, rows));
            } else {
                try (EmbeddedDatabase server = EmbeddedDatabase.start(Path.of(System.getProperty("java.io.tmpdir")))) {
                    DatabaseUrl url = server.createDatabase("trex_bench_load");
                    print(out, LoadBench.run(url, dir, rows));
                }
            }
        } finally {
            Files.deleteIfExists(dir);
        }
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, LoadBench.Result result) {
        out.printf("Loaded %,d of %,d social care event rows in %.1f s (%,.0f rows/s)%n", result.rowsLoaded(),
                result.rows(), result.seconds(), result.rowsLoaded() / result.seconds());
        out.flush();
    }
}
