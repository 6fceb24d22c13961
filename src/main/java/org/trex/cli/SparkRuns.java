package org.trex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.trex.extract.ExtractDirectory;
import org.trex.extract.FullDisk;
import org.trex.extract.IoReasons;
import org.trex.extract.Lease;
import org.trex.run.ExclusionCount;
import org.trex.run.ExtractRunner;
import org.trex.run.Futures;
import org.trex.run.OutputResult;
import org.trex.run.RunFailedException;
import org.trex.run.RunOutcome;
import org.trex.run.SafeMessages;
import org.trex.run.SparkSessions;
import org.trex.source.SourceCatalog;

/**
 * A Spark session for the length of one command, with its scratch files under the output root and
 * removed afterwards, and the summary a run prints.
 */
final class SparkRuns {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SparkRuns.class);
    private static final String SCRATCH_PREFIX = ".trex-scratch-";
    /** Below SparkContext's own shutdown hook (50), as a run's: the line comes after Spark's last log lines. */
    private static final int AFTER_SPARK_STOPS = 40;
    private SparkRuns() {
    }

    /**
     * Runs {@code work} with an extract runner on a fresh session for {@code master}, and what {@code checks}
     * answered, then stops the session. The session starts on its own thread while the checks run on this one,
     * and the runner waits for it only when a run's job starts, as both take seconds; when the checks refuse, the
     * session is stopped and its scratch removed before their exception is thrown, so a refusal still leaves nothing
     * behind, and no data has been read.
     */
    static <C, T> T withRunner(String master, int partitions, Path outputRoot, Clock host, Supplier<C> checks,
            BiFunction<ExtractRunner, C, T> work) {
        // Named at random: process IDs repeat across the hosts that share a cluster's --out.
        Path scratch = outputRoot.resolve(SCRATCH_PREFIX + UUID.randomUUID());
        boolean rootExisted = Files.isDirectory(outputRoot);
        checkOutputRoot(outputRoot);
        Lease lease;
        try {
            // Owner-only: Spark's shuffle files hold pseudonymised rows from before disclosure control.
            ExtractDirectory.createOwnerOnly(outputRoot);
            lease = Lease.create(scratch);
            removeAbandonedScratch(outputRoot);
        } catch (IOException e) {
            if (!rootExisted) {
                removeIfEmpty(outputRoot);
            }
            Optional<FullDisk> full = FullDisk.of(outputRoot, e);
            if (full.isPresent()) {
                throw new FullOutFolder(full.get(), e);
            }
            throw new CliException(ExitCode.BAD_INPUT, "Cannot use --out " + outputRoot + ": cannot create "
                    + scratch.getFileName() + " in it: " + IoReasons.of(e), e);
        }
        CompletableFuture<SparkSession> starting = new CompletableFuture<>();
        new Thread(() -> {
            long started = System.nanoTime();
            try {
                starting.complete(SparkSessions.create(master, scratch));
                LOG.info("Started Spark on {} in {} ms", master, (System.nanoTime() - started) / 1_000_000);
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "trex-spark-start").start();
        Checks stage = new Checks();
        var hooks = org.apache.spark.util.ShutdownHookManager$.MODULE$;
        Object hook = null;
        try {
            hook = stage.hook(hooks);
            C checked;
            try {
                checked = checks.get();
            } catch (RuntimeException e) {
                throw stage.stopped() ? stage.told(e) : e;
            }
            stage.pass();
            return work.apply(new ExtractRunner(() -> Futures.joined(starting), SourceCatalog.standard(), partitions,
                    host, System.getenv()), checked);
        } finally {
            if (hook != null) {
                hooks.removeShutdownHook(hook);
            }
            SparkSession spark = starting.exceptionally(e -> null).join();
            if (spark != null) {
                spark.stop();
            }
            lease.close();
            deleteQuietly(scratch);
            if (!rootExisted) {
                removeIfEmpty(outputRoot);
            }
        }
    }

    /**
     * Whether a signal stopped the command while its checks ran, before any run started; no run has a hook of its own
     * yet, so this one says so, and the work does not begin once it has. From the work's start on, each run's own
     * hook tells its end.
     */
    private static final class Checks {
        private static final String STOPPED = "Cannot run: the process was stopped (SIGTERM or shutdown) before the "
                + "run started; nothing was read or published: run the command again";
        private boolean passed;
        private boolean stopped;

        /** This stage's hook, which tells a signal that comes before the checks pass. */
        Object hook(org.apache.spark.util.ShutdownHookManager$ hooks) {
            try {
                return hooks.addShutdownHook(AFTER_SPARK_STOPS, () -> {
                    stop();
                    return scala.runtime.BoxedUnit.UNIT;
                });
            } catch (IllegalStateException shuttingDown) {
                // Spark's hooks are running already: the command's own error line is the only one.
                throw new RunFailedException(STOPPED, shuttingDown, RunFailedException.Told.BY_THE_COMMAND);
            }
        }

        synchronized void stop() {
            if (passed) {
                return;
            }
            stopped = true;
            // The JVM halts when its hooks end, and does not wait for the main thread's line.
            System.err.println("trex: " + STOPPED);
            System.err.flush();
        }

        synchronized boolean stopped() {
            return stopped;
        }

        /** The checks passed: the work begins, unless a signal stopped the command first. */
        synchronized void pass() {
            if (stopped) {
                throw told(null);
            }
            passed = true;
        }

        /** The failure of a command a signal stopped, whose line the hook printed. */
        RunFailedException told(RuntimeException cause) {
            return new RunFailedException(STOPPED, cause, RunFailedException.Told.BY_SHUTDOWN);
        }
    }

    /**
     * The disk holding {@code --out} could not take even the scratch folder, so nothing started: the operator's disk,
     * not the command line, is at fault (a failure, exit 1), and a command that audits its runs records the refusal.
     */
    static final class FullOutFolder extends RuntimeException {
        private final transient FullDisk disk;

        FullOutFolder(FullDisk disk, IOException cause) {
            super("Cannot use --out " + disk.folder() + ": " + SafeMessages.of(disk), cause);
            this.disk = disk;
        }

        FullDisk disk() {
            return disk;
        }
    }

    /** {@code --out} as a folder TREx can write in, or a bad-input error that says what is wrong with it. */
    private static void checkOutputRoot(Path outputRoot) {
        if (Files.isSymbolicLink(outputRoot) && !Files.exists(outputRoot)) {
            String target;
            try {
                target = Files.readSymbolicLink(outputRoot).toString();
            } catch (IOException e) {
                target = "a path it cannot read";
            }
            throw new CliException(ExitCode.BAD_INPUT, "Cannot use --out " + outputRoot + ": it is a symbolic link to "
                    + target + ", which does not exist");
        }
        if (Files.exists(outputRoot) && !Files.isDirectory(outputRoot)) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot use --out " + outputRoot + ": it is not a directory");
        }
        if (Files.isDirectory(outputRoot) && !Files.isWritable(outputRoot)) {
            throw new CliException(ExitCode.BAD_INPUT,
                    "Cannot use --out " + outputRoot + ": this user cannot write in it");
        }
    }

    /** An output root made for the scratch folder alone goes with it: a refused run leaves not even a folder. */
    private static void removeIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // Not empty (an extract was published, or another process writes there), or already gone.
        }
    }

    static void printSummary(PrintWriter out, RunOutcome outcome) {
        out.printf("Extract %s v%d, run %s, as of %s%n", outcome.plan().spec().id(), outcome.plan().spec().version(),
                outcome.lineage().runId(), outcome.plan().asOf());
        for (OutputResult result : outcome.outputs()) {
            out.printf("  %-28s read %,d, left out %,d, written %,d %s%n", result.plan().name(), result.rowsRead(),
                    result.rowsLeftOut(), result.rowsWritten(), result.plan().measures().isEmpty() ? "rows" : "groups");
            for (ExclusionCount count : result.excluded()) {
                out.printf("      left out: %-26s %s%n", count.reason(), count.describe());
            }
            out.printf("      disclosure: %s%n", result.disclosure().action());
            result.disclosure().emptyGroupsInTheTre().ifPresent(groups -> out.printf("      %s%n", groups));
        }
        out.printf("National data opt-out: %s%n", outcome.nationalList().describe());
        out.printf("Extract:        %s%n", outcome.extractDirectory());
        out.printf("Lineage report: %s%n", outcome.extractDirectory().resolve("lineage/report.html"));
        out.printf("Manifest:       %s (SHA-256 %s)%n", outcome.extractDirectory().resolve("manifest.json"),
                outcome.manifestSha256());
        outcome.warnings().forEach(w -> out.println("warning: " + w));
        out.flush();
    }

    /** Scratch folders whose lease lapsed were left by a crash or a kill, on this host or another. */
    private static void removeAbandonedScratch(Path outputRoot) throws IOException {
        try (Stream<Path> children = Files.list(outputRoot)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith(SCRATCH_PREFIX)).toList()) {
                if (Lease.abandoned(child)) {
                    deleteQuietly(child);
                }
            }
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // Scratch only: a leftover never holds published data.
        }
    }
}
