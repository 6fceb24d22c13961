package org.trex.disclosure;

import java.util.List;
import java.util.Optional;

/**
 * The differencing check between releases: a cell whose value differs from one an earlier run published by
 * a count from 1 to the threshold would show those few people by subtraction (an objection arriving between
 * two monthly releases, say), so it is protected.
 */
public final class Differencing {
    private final long threshold;

    public Differencing(long threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("Cannot check differences at or below " + threshold
                    + ": it must be 0 or more");
        }
        this.threshold = threshold;
    }

    /** The earliest published release this value differs from by 1 to the threshold; empty when none. */
    public Optional<EarlierRelease> against(long value, List<EarlierRelease> earlier) {
        return earlier.stream()
                .filter(e -> e.released().isPresent())
                .filter(e -> {
                    long difference = Math.abs(value - e.value());
                    return difference > 0 && difference <= threshold;
                })
                .findFirst();
    }
}
