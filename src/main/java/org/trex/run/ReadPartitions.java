package org.trex.run;

/**
 * How many partitions a read takes: one for each {@link #ROWS_PER_PARTITION} rows PostgreSQL's planner expects it
 * to return, at least one and at most the run's {@code --partitions}. Every partition is a query of its own that
 * redoes the read's shared work (the cohort it joins, the allow list it hashes, the windows over everybody's
 * events): a council-sized read of 137,000 cohort spells took PostgreSQL 15 s in four partitions and 4 s as one
 * query, and the whole run's PostgreSQL CPU fell from 24-26 s to 15-18 s with one partition a read.
 * Spark's share of a read (decoding rows, checking and pseudonymising them) only pays for more partitions when
 * there are millions of rows.
 */
final class ReadPartitions {
    static final long ROWS_PER_PARTITION = 1_000_000;

    private ReadPartitions() {
    }

    /** The partitions for a read the planner expects to return {@code estimatedRows}, with at most {@code most}. */
    static int of(double estimatedRows, int most) {
        if (most < 1) {
            throw new IllegalArgumentException("Cannot read in " + most + " partitions: use 1 or more");
        }
        if (!(estimatedRows >= 0)) {
            throw new IllegalArgumentException("Cannot partition a read of " + estimatedRows + " rows: the estimate "
                    + "must be 0 or more");
        }
        return (int) Math.max(1, Math.min(most, Math.ceil(estimatedRows / ROWS_PER_PARTITION)));
    }
}
