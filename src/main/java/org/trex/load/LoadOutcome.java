package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a load did: the period it replaced, its quality report, and the rows it wrote (0 for a dry run).
 *
 * @param kind the kind of file loaded
 * @param period the period replaced
 * @param report rows per file and every finding
 * @param mode whether anything was written
 * @param took from start to commit
 */
public record LoadOutcome(SourceKind kind, String period, QualityReport report, LoadMode mode, Duration took) {
    public LoadOutcome {
        requireNonNull(kind, "kind is null");
        requireNonNull(period, "period is null");
        requireNonNull(report, "report is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(took, "took is null");
    }
}
