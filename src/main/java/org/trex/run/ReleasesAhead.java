package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;

/**
 * Records outputs released on a thread of their own, started before their turn, while the run works through its
 * other outputs: their Spark jobs and PostgreSQL reads take the core that the others' single-task stages leave idle
 * (docs/performance.md, 2026-12-05, sixth).
 * Closing cancels what still runs and waits for it, so nothing writes into a run's files once the run has failed.
 */
final class ReleasesAhead implements AutoCloseable {
    private final SparkContext spark;
    private final ExecutorService thread;
    // A group of this run's own: cancelling a group also refuses its later jobs, which must not touch another run's.
    private final String jobGroup = "trex-releases-ahead-" + UUID.randomUUID();
    private final Map<String, Future<Released>> started = new HashMap<>();

    /** A records output's result with the tally of what its read left out. */
    record Released(OutputResult result, ExclusionTally tally) {
        Released {
            requireNonNull(result, "result is null");
            requireNonNull(tally, "tally is null");
        }
    }

    ReleasesAhead(SparkContext spark) {
        this.spark = requireNonNull(spark, "spark is null");
        this.thread = Executors.newSingleThreadExecutor(work -> {
            Thread worker = new Thread(work, "trex-releases-ahead");
            worker.setDaemon(true);
            return worker;
        });
    }

    /** Starts releasing {@code output}; the releases run one at a time, in the order they were started. */
    void start(String output, Callable<Released> release) {
        requireNonNull(output, "output is null");
        requireNonNull(release, "release is null");
        if (started.containsKey(output)) {
            throw new IllegalStateException("Cannot release output " + output + " ahead: it was started already");
        }
        started.put(output, thread.submit(() -> {
            spark.setJobGroup(jobGroup, "output " + output + ", released ahead of its turn", true);
            try {
                return release.call();
            } finally {
                spark.clearJobGroup();
            }
        }));
    }

    boolean holds(String output) {
        return started.containsKey(output);
    }

    /** The output's release once it is done, or what ended it, as thrown. */
    Released await(String output) {
        Future<Released> release = started.get(output);
        if (release == null) {
            throw new IllegalStateException("Cannot wait for output " + output + ": it was not released ahead");
        }
        try {
            return release.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException("Cannot release output " + output + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Cannot wait for output " + output + ": the run was interrupted", e);
        }
    }

    /** Cancels the releases still running (their Spark jobs, and any they would start) and waits for them to end. */
    @Override
    public void close() {
        thread.shutdown();
        if (started.values().stream().anyMatch(release -> !release.isDone())) {
            spark.cancelJobGroupAndFutureJobs(jobGroup, "the run ended before its outputs released ahead");
        }
        boolean interrupted = false;
        while (!thread.isTerminated()) {
            try {
                thread.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
