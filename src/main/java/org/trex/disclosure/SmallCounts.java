package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
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
        this(requireNonNull(rules, "rules is null").suppressAtOrBelow(), rules.roundTo(), rules.zeros());
    }

    /** The rules given one by one, as a published lineage states them. */
    public SmallCounts(long suppressAtOrBelow, long roundTo, ZeroCounts zeros) {
        if (suppressAtOrBelow < 0) {
            throw new IllegalArgumentException("Cannot suppress counts at or below " + suppressAtOrBelow
                    + ": it must be 0 or more");
        }
        if (roundTo < 1) {
            throw new IllegalArgumentException("Cannot round counts to " + roundTo + ": it must be 1 or more");
        }
        this.suppressAtOrBelow = suppressAtOrBelow;
        this.roundTo = roundTo;
        this.zeros = requireNonNull(zeros, "zeros is null");
    }

    /** The threshold: a count at or below it is small. */
    public long suppressAtOrBelow() {
        return suppressAtOrBelow;
    }

    /** The rounding base. */
    public long roundTo() {
        return roundTo;
    }

    /** Whether a zero is small like any other count, or published. */
    public ZeroCounts zeros() {
        return zeros;
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

    /**
     * Whether {@code value} is one these rules publish for some count: a multiple of the rounding base that a count
     * above the threshold rounds to, or a zero they hold safe.
     */
    public boolean publishes(long value) {
        if (value < 0 || value % roundTo != 0) {
            return false;
        }
        return value == 0 && zeros == ZeroCounts.SAFE || value - roundTo / 2 + roundTo - 1 > suppressAtOrBelow;
    }

    /** The counts a suppressed one can be; empty when these rules suppress none (no threshold, zeros safe). */
    public Optional<Interval> withheld() {
        long lowest = zeros == ZeroCounts.SAFE ? 1 : 0;
        return lowest > suppressAtOrBelow ? Optional.empty() : Optional.of(new Interval(lowest, suppressAtOrBelow));
    }

    /**
     * The counts that a count shown as {@code released} can be: those it rounds from, or any a suppressed one can be
     * where it is null.
     */
    public Interval behind(Long released) {
        return released == null ? withheld().orElseThrow() : published(released);
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
