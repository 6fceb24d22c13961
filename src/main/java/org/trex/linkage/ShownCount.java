package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.OptionalLong;
import org.trex.disclosure.CellStatus;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.Interval;
import org.trex.disclosure.SmallCounts;

/**
 * A count as the policy's disclosure rules let it be shown: rounded, suppressed as small ("&lt;=N"), or suppressed
 * beside a small one that the counts around it would otherwise give back ("suppressed").
 */
public record ShownCount(OptionalLong value, long suppressedAtOrBelow, CellStatus status) {
    public ShownCount {
        requireNonNull(value, "value is null");
        requireNonNull(status, "status is null");
        if (value.isPresent() == status.suppressed()) {
            throw new IllegalArgumentException("Cannot show a count as " + status + (value.isPresent()
                    ? " with a value" : " without a value"));
        }
    }

    /** The count through the rules. */
    public static ShownCount of(long count, SmallCounts rules) {
        Long released = rules.release(count);
        return released == null
                ? new ShownCount(OptionalLong.empty(), rules.suppressAtOrBelow(), CellStatus.SMALL_COUNT)
                : new ShownCount(OptionalLong.of(released), rules.suppressAtOrBelow(), CellStatus.PUBLISHED);
    }

    /** A cell as disclosure control decided it. */
    public static ShownCount of(DecidedCell cell, SmallCounts rules) {
        requireNonNull(cell, "cell is null");
        return new ShownCount(cell.released().map(OptionalLong::of).orElse(OptionalLong.empty()),
                rules.suppressAtOrBelow(), cell.status());
    }

    public boolean suppressed() {
        return value.isEmpty();
    }

    /**
     * The count as the reports show every count ("1,010"), "&lt;=N" when suppressed as small, or "suppressed" when
     * suppressed beside a small one.
     */
    public String display() {
        if (value.isPresent()) {
            return String.format(Locale.UK, "%,d", value.getAsLong());
        }
        return status == CellStatus.SMALL_COUNT ? "<=" + suppressedAtOrBelow : "suppressed";
    }

    /**
     * The counts anyone can tell this one may be under {@code rules}: what its value rounds from, at most the threshold
     * when shown as small, and any count when suppressed beside a small one.
     */
    public Interval behind(SmallCounts rules) {
        requireNonNull(rules, "rules is null");
        if (value.isPresent()) {
            return rules.published(value.getAsLong());
        }
        return status == CellStatus.SMALL_COUNT ? rules.withheld().orElseThrow()
                : new Interval(0, Double.POSITIVE_INFINITY);
    }
}
