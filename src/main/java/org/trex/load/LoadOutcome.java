package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What a load did: the period it replaced, its quality report, and the rows it wrote (0 for a dry run).
 *
 * @param kind the kind of file loaded
 * @param period the period replaced
 * @param alsoReplaced the other loaded periods it replaced, those its period holds whole
 * @param report rows per file and every finding
 * @param mode whether anything was written
 * @param took from start to commit
 * @param notices what the load tells the user beyond its counts (what it removed, what they must do), each a line
 */
public record LoadOutcome(SourceKind kind, String period, List<String> alsoReplaced, QualityReport report,
        LoadMode mode, Duration took, List<String> notices) {
    public LoadOutcome {
        requireNonNull(kind, "kind is null");
        requireNonNull(period, "period is null");
        alsoReplaced = List.copyOf(requireNonNull(alsoReplaced, "alsoReplaced is null"));
        requireNonNull(report, "report is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(took, "took is null");
        notices = List.copyOf(requireNonNull(notices, "notices is null"));
    }
}
