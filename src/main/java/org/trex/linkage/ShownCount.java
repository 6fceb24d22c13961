package org.trex.linkage;

import java.util.OptionalLong;
import org.trex.disclosure.SmallCounts;

/** A count as the policy's disclosure rules let it be shown: rounded, or suppressed ("<=N"). */
public record ShownCount(OptionalLong value, long suppressedAtOrBelow) {
    public ShownCount {
        if (value == null) {
            throw new NullPointerException("value is null");
        }
    }

    /** The count through the rules. */
    public static ShownCount of(long count, SmallCounts rules) {
        Long released = rules.release(count);
        return new ShownCount(released == null ? OptionalLong.empty() : OptionalLong.of(released),
                rules.suppressAtOrBelow());
    }

    public boolean suppressed() {
        return value.isEmpty();
    }

    /** The count, or "<=N" when suppressed. */
    public String display() {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "<=" + suppressedAtOrBelow;
    }
}
