package org.trex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.trex.run.ExclusionCount;
import org.trex.run.ExtractRunner;
import org.trex.run.OutputResult;
import org.trex.run.RunOutcome;
import org.trex.run.SparkSessions;
import org.trex.source.SourceCatalog;

/**
 * A Spark session for the length of one command, with its scratch files under the output root and
 * removed afterwards, and the summary a run prints.
 */
final class SparkRuns {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SparkRuns.class);
    private static final String SCRATCH_PREFIX = ".trex-scratch-";
    private SparkRuns() {
    }

    /**
     * Runs {@code work} with an extract runner on a fresh session for {@code master}, and what {@code checks}
     * answered, then stops the session. The session starts on its own thread while the checks run on this one,
     * as both take seconds; when the checks refuse, the session is stopped and its scratch removed before their
     * exception is thrown, so a refusal still leaves nothing behind, and no data has been read.
     */
    static <C, T> T withRunner(String master, int partitions, Path outputRoot, Supplier<C> checks,
            BiFunction<ExtractRunner, C, T> work) {
        Path scratch = outputRoot.resolve(SCRATCH_PREFIX + ProcessHandle.current().pid());
        boolean rootExisted = Files.isDirectory(outputRoot);
        try {
            Files.createDirectories(scratch);
            removeAbandonedScratch(outputRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create scratch directory " + scratch + ": " + e.getMessage(), e);
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
        SparkSession spark = null;
        try {
            C checked = checks.get();
            spark = started(starting);
            return work.apply(new ExtractRunner(spark, SourceCatalog.standard(), partitions, Clock.systemUTC(), System.getenv()),
                    checked);
        } finally {
            if (spark == null) {
                spark = starting.exceptionally(e -> null).join();
            }
            if (spark != null) {
                spark.stop();
            }
            deleteQuietly(scratch);
            if (!rootExisted) {
                removeIfEmpty(outputRoot);
            }
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

    /** The started session, or what stopped it starting, as thrown on this thread. */
    private static SparkSession started(CompletableFuture<SparkSession> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    static void printSummary(PrintWriter out, RunOutcome outcome) {
        out.printf("Extract %s v%d, run %s, as of %s%n", outcome.plan().spec().id(), outcome.plan().spec().version(),
                outcome.lineage().runId(), outcome.plan().asOf());
        for (OutputResult result : outcome.outputs()) {
            out.printf("  %-28s read %,d, left out %,d, written %,d %s%n", result.plan().name(), result.rowsRead(),
                    result.rowsLeftOut(), result.rowsWritten(), result.plan().measures().isEmpty() ? "rows" : "groups");
            for (ExclusionCount count : result.excluded()) {
                out.printf("      left out: %-26s %,d rows, %,d people%n", count.reason(), count.rows(), count.people());
            }
            out.printf("      disclosure: %s%n", result.disclosure().action());
        }
        out.printf("National data opt-out: %s%n", outcome.nationalList().describe());
        out.printf("Extract:        %s%n", outcome.extractDirectory());
        out.printf("Lineage report: %s%n", outcome.extractDirectory().resolve("lineage/report.html"));
        out.printf("Manifest:       %s (SHA-256 %s)%n", outcome.extractDirectory().resolve("manifest.json"), outcome.manifestSha256());
        outcome.warnings().forEach(w -> out.println("warning: " + w));
        out.flush();
    }

    /** Scratch folders of processes that are gone were left by a crash or a kill. */
    private static void removeAbandonedScratch(Path outputRoot) throws IOException {
        try (Stream<Path> children = Files.list(outputRoot)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith(SCRATCH_PREFIX)).toList()) {
                String pid = child.getFileName().toString().substring(SCRATCH_PREFIX.length());
                boolean alive = pid.chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
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
