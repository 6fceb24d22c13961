package org.trex.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One {@code psql \copy} and the {@code trex run} timed right after it, on the same data. */
public record TimedPair(TimedProcess copy, TimedProcess run) {
    public TimedPair {
        requireNonNull(copy, "copy is null");
        requireNonNull(run, "run is null");
    }

    /** How many times the {@code \copy}'s wall time the run took. */
    public double runOverCopy() {
        return run.seconds() / copy.seconds();
    }

    /** The middle value of {@code values} (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Cannot take the median of no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
