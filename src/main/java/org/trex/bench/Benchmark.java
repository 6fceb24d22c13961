package org.trex.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.trex.governance.ApprovalStatement;
import org.trex.governance.ApprovalSubject;
import org.trex.governance.Approvals;
import org.trex.governance.DemoBoard;
import org.trex.governance.GovernanceSchema;
import org.trex.generate.GenerationSummary;
import org.trex.generate.SourceTable;
import org.trex.generate.SyntheticData;
import org.trex.plan.ExtractPlan;
import org.trex.plan.OutputPlan;
import org.trex.plan.Planner;
import org.trex.pseudonym.PseudonymKey;
import org.trex.run.SparkSessions;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.spec.LoadedSpec;
import org.trex.spec.SpecCopy;

/**
 * {@code trex bench}: on one machine and one set of data, times a whole {@code trex run} (a fresh JVM, under
 * GNU time for its peak memory) against {@code psql \copy} of the same SELECT and against the hand-written
 * {@link CsvBaseline}, and our HMAC against Spark's {@code sha2}.
 */
public final class Benchmark {
    /** The bench's made-up board: two members, as the register requires two signatures. */
    private static final List<DemoBoard.Seat> SEATS = List.of(
            new DemoBoard.Seat("bench-chair", "Bench Chair", "Chair (bench, not a real board)", "Bench Trust"),
            new DemoBoard.Seat("bench-member", "Bench Member", "Member (bench, not a real board)", "Bench Panel"));
    private static final String SPEC_RESOURCE = "/bench/bench-spells.yaml";
    /** The planner's SELECT puts the row ID first and the raw NHS number second. */
    private static final int NHS_NUMBER_COLUMN = 1;
    private static final Pattern READ = Pattern.compile(" read ([\\d,]+),");
    private static final Pattern ROWS = Pattern.compile("rows (\\d+)");
    /** The seed of a generated population, as {@code trex generate}'s default. */
    private static final long SEED = 42;

    private final Path home;
    private final Path out;
    private final int partitions;
    private final int pairs;
    private final PrintWriter progress;

    /** What to do with the bulky files (CSV copies, the extract) once measured. */
    public enum Leftovers { REMOVE, KEEP }

    /**
     * A bench of the TREx at {@code home}, writing under {@code out}: runs read in at most {@code partitions}, and
     * {@code pairs} of {@code \copy} and {@code trex run} are timed, alternating on the same data.
     */
    public Benchmark(Path home, Path out, int partitions, int pairs, PrintWriter progress) {
        this.home = requireNonNull(home, "home is null").toAbsolutePath();
        this.out = requireNonNull(out, "out is null").toAbsolutePath();
        if (partitions < 1) {
            throw new IllegalArgumentException("Cannot read in " + partitions + " partitions: use 1 or more");
        }
        if (pairs < 1) {
            throw new IllegalArgumentException("Cannot time " + pairs + " pairs of \\copy and trex run: use 1 or more");
        }
        this.partitions = partitions;
        this.pairs = pairs;
        this.progress = requireNonNull(progress, "progress is null");
    }

    /** Loads {@code rows} bench spells into the empty database at {@code url}, measures, writes bench.json. */
    public BenchReport spells(DatabaseUrl url, long rows, Leftovers leftovers) {
        requireNonNull(url, "url is null");
        Path work = directory(out.resolve("work"));
        say("Loading %,d bench spells...", rows);
        BenchLoader.Loaded loaded = BenchLoader.load(url, rows, 1);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("spells", loaded.spells());
        figures.put("distinctNhsNumbers", loaded.distinctNumbers());
        figures.put("numbersReusedCyclically", loaded.spells() > loaded.distinctNumbers());
        figures.put("loadSeconds", seconds(loaded.took()));
        Workload workload = new Workload(String.format(Locale.ROOT, "Data: %,d spells over %,d distinct NHS numbers"
                + " (numbers reused cyclically, so people repeat), loaded in %.1f s", loaded.spells(),
                loaded.distinctNumbers(), seconds(loaded.took())), figures, specFiles(work), BenchLoader.AS_OF);
        return measure(url, workload, work, leftovers);
    }

    /**
     * Generates {@code people} as {@code trex generate} does (the national check's round trip included) into the
     * empty database at {@code url}, enlarges it to {@code spells} hospital spells when given
     * ({@link PopulationCopies}),
     * then measures a run of {@code spec} (a shipped spec, copied with its policy and definitions) over them, as of the
     * date the synthetic data is made for; writes bench.json.
     */
    public BenchReport population(DatabaseUrl url, int people, OptionalLong spells, Path spec, Leftovers leftovers) {
        requireNonNull(url, "url is null");
        requireNonNull(spells, "spells is null");
        requireNonNull(spec, "spec is null");
        Path work = directory(out.resolve("work"));
        say("Generating %,d people as trex generate does...", people);
        GenerationSummary generated = SyntheticData.generate(url, people, SEED, directory(work.resolve("national")));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("people", people);
        figures.put("spells", generated.rows(SourceTable.INPATIENT_SPELL_TABLE));
        figures.put("socialCareEvents", generated.rows(SourceTable.EVENT_TABLE));
        figures.put("rowsGenerated", generated.totalRows());
        figures.put("generateSeconds", seconds(generated.elapsed()));
        String data = String.format(Locale.ROOT, "Data: trex generate --people %,d (%,d spells, %,d social care"
                + " events), generated in %.1f s", people, generated.rows(SourceTable.INPATIENT_SPELL_TABLE),
                generated.rows(SourceTable.EVENT_TABLE), seconds(generated.elapsed()));
        if (spells.isPresent()) {
            say("Copying the population until it holds %,d spells...", spells.getAsLong());
            PopulationCopies.Enlarged enlarged = PopulationCopies.enlarge(url, spells.getAsLong());
            figures.put("spells", enlarged.spells());
            figures.put("socialCareEvents", enlarged.events());
            figures.put("copies", enlarged.copies());
            figures.put("copySeconds", seconds(enlarged.took()));
            data += String.format(Locale.ROOT, ", then copied %d times under rotated NHS numbers (people repeat) to"
                    + " %,d spells and %,d social care events in %.1f s", enlarged.copies(), enlarged.spells(),
                    enlarged.events(), seconds(enlarged.took()));
        }
        say("Vacuuming the loaded tables, as a settled database is...");
        SettledTables.settle(url);
        Path copied = SpecCopy.into(LoadedSpec.load(spec, SourceCatalog.standard()), work);
        Workload workload = new Workload(data + "; spec " + spec.getFileName(), figures, copied, SyntheticData.AS_OF);
        return measure(url, workload, work, leftovers);
    }

    private BenchReport measure(DatabaseUrl url, Workload workload, Path work, Leftovers leftovers) {
        requireNonNull(leftovers, "leftovers is null");
        Path logs = directory(out.resolve("logs"));
        Path key = work.resolve("bench.key");
        PseudonymKey.createRandom(key);
        LoadedSpec spec = LoadedSpec.load(workload.spec(), SourceCatalog.standard());
        DemoBoard board = DemoBoard.create(work, "TREx bench board (not a real board)", 2, SEATS);
        ExtractPlan plan = new Planner(SourceCatalog.standard()).plan(spec, board.register(), workload.asOf());
        GovernanceSchema.migrate(url);
        ApprovalStatement statement = ApprovalStatement.of(ApprovalSubject.of(plan),
                "BENCH-" + spec.spec().value().id(), Optional.empty(), Optional.of("Benchmark data only"));
        Approvals approvals = new Approvals(url);
        SEATS.forEach(seat -> approvals.sign(statement, board.sign(seat.id(), statement.bytes()), board.register()));

        say("Timing psql \\copy of every output's SELECT...");
        List<String> copy = new ArrayList<>(List.of("/usr/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d",
                url.withoutPassword().substring("jdbc:".length())));
        List<String> baseline = new ArrayList<>(List.of(java(), "-cp", classpath(), CsvBaseline.class.getName(),
                key.toString(), Integer.toString(NHS_NUMBER_COLUMN)));
        for (OutputPlan output : plan.outputs()) {
            Path copied = work.resolve("copy-" + output.name() + ".csv");
            copy.addAll(List.of("-c", "\\copy (" + oneLine(output.sql()) + ") to '" + copied + "' with (format csv)"));
            baseline.addAll(List.of(copied.toString(), work.resolve("baseline-" + output.name() + ".csv").toString()));
        }
        // The password, if any, goes to psql in its environment: the command line is printed and kept in bench.json.
        Map<String, String> psql = url.password().map(password -> Map.of("PGPASSWORD", password))
                .orElse(Map.of());
        TimedProcess copied = TimedProcess.run("copy", copy, psql, logs);
        Optional<TimedProcess> reads = Optional.empty();
        if (!plan.scans().isEmpty()) {
            say("Timing psql \\copy of what the run reads (each shared read once)...");
            reads = Optional.of(TimedProcess.run("copy-reads", readsCopy(url, plan, work), psql, logs));
        }
        say("Timing the hand-written baseline...");
        TimedProcess handWritten = TimedProcess.run("baseline", baseline, Map.of(), logs);
        say("Timing trex run (a fresh JVM)...");
        Map<String, String> database = Map.of("TREX_DATABASE_URL", url.jdbcUrl());
        List<String> arguments = List.of("@" + home.resolve("src/main/launcher/jvm.options"), "-Dtrex.home=" + home,
                "-cp", classpath(), "org.trex.cli.Trex", "run", workload.spec().toString(),
                "--key-file", key.toString(), "--as-of", workload.asOf().toString(),
                "--partitions", Integer.toString(partitions), "--out");
        List<String> run = new ArrayList<>(List.of(java()));
        run.addAll(javaOptions());
        run.addAll(sharedClasses(arguments, work, database, logs));
        run.addAll(arguments);
        run.add(work.resolve("run").toString());
        List<TimedPair> timed = new ArrayList<>();
        timed.add(new TimedPair(copied, TimedProcess.run("trex-run", run, database, logs)));
        for (int pair = 2; pair <= pairs; pair++) {
            say("Timing pair %d of %d: psql \\copy, then trex run...", pair, pairs);
            // Each run publishes an extract of its own; the one before is not needed again.
            deleteTree(work.resolve("run"));
            timed.add(new TimedPair(TimedProcess.run("copy-" + pair, copy, psql, logs),
                    TimedProcess.run("trex-run-" + pair, run, database, logs)));
        }
        say("Timing HMAC against sha2 in one Spark session...");
        HashCost.Times hashes = hashCost(url, key, work);

        BenchReport report = new BenchReport(workload, total(handWritten.stdout(), ROWS), timed, reads, handWritten,
                total(timed.get(0).run().stdout(), READ), hashes);
        write(out.resolve("bench.json"), report.json());
        if (leftovers == Leftovers.REMOVE) {
            deleteTree(work);
        }
        return report;
    }

    /**
     * The options that map the launcher's class-data archive ({@code target/trex.jsa}, which {@code bin/trex} makes
     * on the first run of a jar), so the timed run starts as a user's does; when the archive is missing or older
     * than the jar, one untimed run makes it first. None when the bench runs from classes rather than the jar
     * (tests), where there is no launcher to compare with.
     */
    private List<String> sharedClasses(List<String> arguments, Path work, Map<String, String> environment, Path logs) {
        Path jar = home.resolve("target/trex.jar");
        Path archive = home.resolve("target/trex.jsa");
        if (!Path.of(classpath()).toAbsolutePath().equals(jar)) {
            return List.of();
        }
        List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        try {
            boolean current = Files.exists(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
            if (!current) {
                say("Making the launcher's class-data archive with one untimed run...");
                Path made = archive.resolveSibling("trex.jsa." + ProcessHandle.current().pid() + ".tmp");
                List<String> training = new ArrayList<>(List.of(java()));
                training.addAll(javaOptions());
                training.add("-XX:ArchiveClassesAtExit=" + made);
                training.addAll(quiet);
                training.addAll(arguments);
                training.add(work.resolve("archive-run").toString());
                TimedProcess.run("archive-run", training, environment, logs);
                Files.move(made, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the class-data archive " + archive + ": " + e.getMessage(), e);
        }
        List<String> options = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
        options.addAll(quiet);
        return options;
    }

    private HashCost.Times hashCost(DatabaseUrl url, Path key, Path work) {
        Path scratch = directory(work.resolve("spark-scratch"));
        SparkSession spark = SparkSessions.create(SparkSessions.DEFAULT_MASTER, scratch);
        try {
            return HashCost.measure(spark, url, PseudonymKey.fromFile(key), partitions);
        } finally {
            spark.stop();
        }
    }

    /** The bench spec goes next to a copy of the shipped policy, where a spec's policy is looked up. */
    private Path specFiles(Path work) {
        Path spec = directory(work.resolve("extracts")).resolve("bench-spells.yaml");
        Path policies = directory(work.resolve("policies"));
        try (InputStream in = Benchmark.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Cannot find the bench spec: resource " + SPEC_RESOURCE + " is missing");
            }
            Files.copy(in, spec, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(home.resolve("policies/service-evaluation.yaml"), policies.resolve("service-evaluation.yaml"),
                    StandardCopyOption.REPLACE_EXISTING);
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write the bench spec and policy under " + work + ": " + e.getMessage(), e);
        }
    }

    /** One psql command that copies what the run itself reads: each shared read once, then the other outputs. */
    private static List<String> readsCopy(DatabaseUrl url, ExtractPlan plan, Path work) {
        List<String> copy = new ArrayList<>(List.of("/usr/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d",
                url.withoutPassword().substring("jdbc:".length())));
        List<String> sqls = new ArrayList<>();
        plan.scans().forEach(scan -> sqls.add(scan.sql()));
        plan.outputs().stream().filter(o -> plan.scanOf(o.name()).isEmpty()).forEach(o -> sqls.add(o.sql()));
        for (int i = 0; i < sqls.size(); i++) {
            copy.addAll(List.of("-c", "\\copy (" + oneLine(sqls.get(i)) + ") to '" + work.resolve("read-" + i + ".csv")
                    + "' with (format csv)"));
        }
        return copy;
    }

    /** psql ends a backslash command at the line's end, so the SELECT must be on one line. */
    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }

    /** The options bin/trex gives a run: $TREX_JAVA_OPTS, else its default heap and collector. */
    private static List<String> javaOptions() {
        String options = System.getenv("TREX_JAVA_OPTS");
        return options == null || options.isBlank() ? List.of("-Xmx4g", "-XX:+UseParallelGC")
                : Arrays.asList(options.trim().split("\\s+"));
    }

    /** The sum of the counts a child printed (one per output). */
    private static long total(String output, Pattern pattern) {
        Matcher matcher = pattern.matcher(output);
        long total = 0;
        boolean found = false;
        while (matcher.find()) {
            total += Long.parseLong(matcher.group(1).replace(",", ""));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("Cannot read a row count from a child's output: no match for " + pattern);
        }
        return total;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }


    private void say(String format, Object... args) {
        progress.printf(format + "%n", args);
        progress.flush();
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create folder " + path + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + root + ": " + e.getMessage(), e);
        }
    }
}
