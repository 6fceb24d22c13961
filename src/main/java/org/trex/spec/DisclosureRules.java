package org.trex.spec;

import static java.util.Objects.requireNonNull;

/**
 * Disclosure thresholds: k and its action for record-level outputs; for aggregates, counts at or
 * below {@code suppressAtOrBelow} are suppressed and the rest rounded to the nearest {@code roundTo}.
 */
public record DisclosureRules(int k, KAnonymityAction belowK, int suppressAtOrBelow, int roundTo) {
    public DisclosureRules {
        requireNonNull(belowK, "belowK is null");
        requireK(k);
        requireSuppressAtOrBelow(suppressAtOrBelow);
        requireRoundTo(roundTo);
    }

    static int requireK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Cannot use k = " + k + ": it must be 1 or more");
        }
        return k;
    }

    static int requireSuppressAtOrBelow(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("Cannot suppress counts at or below " + count + ": it must be 0 or more");
        }
        return count;
    }

    static int requireRoundTo(int roundTo) {
        if (roundTo < 1) {
            throw new IllegalArgumentException("Cannot round counts to " + roundTo + ": it must be 1 or more");
        }
        return roundTo;
    }
}
