package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * How an output fared against disclosure control: the k required, the smallest equivalence class (or
 * smallest count for an aggregate), the share of records unique on their quasi-identifiers, the action taken
 * and how many cells were suppressed, with notes saying which cells beyond the small counts were suppressed and
 * why, and what the attacker check found (aggregates).
 */
public record DisclosureMeasures(int kRequired, long smallestClass, double uniqueShare, String action,
        long cellsSuppressed,
        List<String> notes) {
    public DisclosureMeasures {
        if (kRequired < 1) {
            throw new IllegalArgumentException("Cannot describe lineage: k required is below 1: " + kRequired);
        }
        LineageChecks.requireCount(smallestClass, "smallestClass");
        if (!(uniqueShare >= 0 && uniqueShare <= 1)) {
            throw new IllegalArgumentException("Cannot describe lineage: unique share is not within 0..1: "
                    + uniqueShare);
        }
        LineageChecks.requireText(action, "action");
        LineageChecks.requireCount(cellsSuppressed, "cellsSuppressed");
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
    }

    /** The unique share as a percentage with one decimal, for reports. */
    public String uniquePercent() {
        return String.format(Locale.ROOT, "%.1f%%", uniqueShare * 100);
    }
}
