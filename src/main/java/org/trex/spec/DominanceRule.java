package org.trex.spec;

/**
 * When a sum (a cost, hours) is dominated by a few contributors and so tells about them: the nk rule (its
 * {@code n} largest contributions make more than {@code kPercent} of it) and the p% rule (what is left
 * after the two largest is less than {@code pPercent} of the largest, so the second largest can estimate
 * the largest to within p%). ACRO's defaults are n = 2, k = 90%, p = 10%.
 */
public record DominanceRule(int n, int kPercent, int pPercent) {
    /** ACRO's defaults. */
    public static final DominanceRule DEFAULT = new DominanceRule(2, 90, 10);

    public DominanceRule {
        if (n < 1) {
            throw new IllegalArgumentException("Cannot use a dominance rule with n = " + n + ": it must be 1 or more");
        }
        if (kPercent < 1 || kPercent > 100) {
            throw new IllegalArgumentException("Cannot use a dominance rule with k = " + kPercent
                    + "%: it must be from 1 to 100");
        }
        if (pPercent < 0 || pPercent > 100) {
            throw new IllegalArgumentException("Cannot use a dominance rule with p = " + pPercent
                    + "%: it must be from 0 to 100");
        }
    }
}
