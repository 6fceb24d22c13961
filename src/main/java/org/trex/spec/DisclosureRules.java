package org.trex.spec;

import static java.util.Objects.requireNonNull;

/**
 * Disclosure thresholds: k and its action for record-level outputs; for aggregates, counts at or
 * below {@code suppressAtOrBelow} are suppressed and the rest rounded to the nearest {@code roundTo},
 * zeros are disclosive or safe, a suppressed count must not be inferable from what is published to within
 * {@code protectionRange} or less, and sums dominated by a few contributors are suppressed.
 */
public record DisclosureRules(int k, KAnonymityAction belowK, int suppressAtOrBelow, int roundTo, ZeroCounts zeros,
        int protectionRange, DominanceRule dominance) {
    public DisclosureRules {
        requireNonNull(belowK, "belowK is null");
        requireNonNull(zeros, "zeros is null");
        requireNonNull(dominance, "dominance is null");
        requireK(k);
        requireSuppressAtOrBelow(suppressAtOrBelow);
        requireRoundTo(roundTo);
        requireProtectionRange(protectionRange);
    }

    /**
     * The rules with the defaults for the aggregate options: zeros disclosive, protection range the threshold, ACRO's
     * dominance.
     */
    public DisclosureRules(int k, KAnonymityAction belowK, int suppressAtOrBelow, int roundTo) {
        this(k, belowK, suppressAtOrBelow, roundTo, ZeroCounts.DISCLOSIVE, suppressAtOrBelow, DominanceRule.DEFAULT);
    }

    /** These rules with another choice for zeros. */
    public DisclosureRules withZeros(ZeroCounts choice) {
        return new DisclosureRules(k, belowK, suppressAtOrBelow, roundTo, choice, protectionRange, dominance);
    }

    /** These rules with another protection range. */
    public DisclosureRules withProtectionRange(int range) {
        return new DisclosureRules(k, belowK, suppressAtOrBelow, roundTo, zeros, range, dominance);
    }

    /** These rules with another dominance rule. */
    public DisclosureRules withDominance(DominanceRule rule) {
        return new DisclosureRules(k, belowK, suppressAtOrBelow, roundTo, zeros, protectionRange, rule);
    }

    static int requireK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Cannot use k = " + k + ": it must be 1 or more");
        }
        return k;
    }

    static int requireSuppressAtOrBelow(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("Cannot suppress counts at or below " + count
                    + ": it must be 0 or more");
        }
        return count;
    }

    static int requireRoundTo(int roundTo) {
        if (roundTo < 1) {
            throw new IllegalArgumentException("Cannot round counts to " + roundTo + ": it must be 1 or more");
        }
        return roundTo;
    }

    static int requireProtectionRange(int range) {
        if (range < 0) {
            throw new IllegalArgumentException("Cannot use protection range " + range + ": it must be 0 or more");
        }
        return range;
    }
}
