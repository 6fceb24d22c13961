package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;

/** The largest contributions to a sum (a provider's costs, say), largest first: what the dominance rules need. */
public record Contributions(List<Long> largest) {
    public Contributions {
        largest = List.copyOf(requireNonNull(largest, "largest is null"));
        if (largest.stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("Cannot use contributions " + largest + ": they must not be negative");
        }
        if (!largest.equals(largest.stream().sorted(Comparator.reverseOrder()).toList())) {
            throw new IllegalArgumentException("Cannot use contributions " + largest + ": they must be largest first");
        }
    }

    /** The i-th largest (0 the largest), 0 when there are fewer contributors. */
    long at(int i) {
        return i < largest.size() ? largest.get(i) : 0;
    }
}
