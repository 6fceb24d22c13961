package org.trex.disclosure;

import org.trex.spec.DisclosureRules;

/**
 * Statistical disclosure control for aggregate counts: a count at or below the threshold is suppressed
 * (null), every other count is rounded to the nearest multiple (halves round up).
 */
public final class SmallCounts {
    private final long suppressAtOrBelow;
    private final long roundTo;

    public SmallCounts(DisclosureRules rules) {
        this.suppressAtOrBelow = rules.suppressAtOrBelow();
        this.roundTo = rules.roundTo();
    }

    /** The count as it may be released, or null when it must be suppressed. */
    public Long release(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("Cannot release count " + count + ": counts are never negative");
        }
        if (count <= suppressAtOrBelow) {
            return null;
        }
        return (count + roundTo / 2) / roundTo * roundTo;
    }

    /** The count as text for plans and reports: "≤N" when suppressed. */
    public String display(long count) {
        Long released = release(count);
        return released == null ? "<=" + suppressAtOrBelow : Long.toString(released);
    }
}
