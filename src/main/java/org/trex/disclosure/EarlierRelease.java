package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** A cell as an earlier run of the same extract had it: its true value and what was released (none when suppressed). */
public record EarlierRelease(String runId, long value, Optional<Long> released) {
    public EarlierRelease {
        requireNonNull(runId, "runId is null");
        requireNonNull(released, "released is null");
        if (value < 0) {
            throw new IllegalArgumentException("Cannot use an earlier release of run " + runId
                    + ": its value is negative");
        }
    }
}
