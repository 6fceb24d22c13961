package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import org.trex.spec.DisclosureRules;
import org.trex.spec.ZeroCounts;

/**
 * Primary suppression and rounding of aggregate counts: a count at or below the threshold is suppressed (null),
 * unless it is a zero the policy calls safe; every other count is rounded to the nearest multiple (halves up).
 * It also says what a published value tells an attacker: the range of counts that round to it.
 */
public final class SmallCounts {
    private final long suppressAtOrBelow;
    private final long roundTo;
    private final ZeroCounts zeros;

    public SmallCounts(DisclosureRules rules) {
        requireNonNull(rules, "rules is null");
        this.suppressAtOrBelow = rules.suppressAtOrBelow();
        this.roundTo = rules.roundTo();
        this.zeros = rules.zeros();
    }

    /** True when the count is small enough to tell about the few people in it. */
    public boolean isSmall(long count) {
        requireCount(count);
        return count <= suppressAtOrBelow && !(count == 0 && zeros == ZeroCounts.SAFE);
    }

    /** The count rounded to the nearest multiple of the rounding base, halves up. */
    public long rounded(long count) {
        requireCount(count);
        return (count + roundTo / 2) / roundTo * roundTo;
    }

    /** The count as it may be released, or null when it must be suppressed. */
    public Long release(long count) {
        return isSmall(count) ? null : rounded(count);
    }

    /**
     * The counts that could have been published as {@code released}: those rounding to it, and above the
     * threshold (a smaller one would have been suppressed), or exactly 0 for a zero published as safe.
     */
    public Interval published(long released) {
        Interval rounding = rounding(released);
        long lowest = (long) rounding.lower();
        long highest = (long) rounding.upper();
        if (zeros == ZeroCounts.SAFE && lowest == 0) {
            return new Interval(0, highest > suppressAtOrBelow ? highest : 0);
        }
        return new Interval(Math.max(lowest, suppressAtOrBelow + 1), highest);
    }

    /** The values that round to {@code released} (all a published sum tells: a sum may be small). */
    public Interval rounding(long released) {
        return new Interval(Math.max(released - roundTo / 2, 0), released - roundTo / 2 + roundTo - 1);
    }

    /** The count as text for plans and reports: "<=N" when suppressed. */
    public String display(long count) {
        Long released = release(count);
        return released == null ? "<=" + suppressAtOrBelow : Long.toString(released);
    }

    private static void requireCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("Cannot release count " + count + ": counts are never negative");
        }
    }
}
