package org.trex.governance;

import static java.util.Objects.requireNonNull;

/** A scheduled extract whose current period has not yet run successfully. */
public record DueRun(ScheduledExtract extract, RunPeriod period) {
    public DueRun {
        requireNonNull(extract, "extract is null");
        requireNonNull(period, "period is null");
    }
}
