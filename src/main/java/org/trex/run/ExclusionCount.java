package org.trex.run;

import static java.util.Objects.requireNonNull;

/**
 * Rows and distinct people left out of one output for one reason (a reason code of {@code ExclusionReason} or {@code
 * disclosure_suppressed}).
 */
public record ExclusionCount(String reason, long rows, long people) {
    /** The reason code of records dropped by disclosure control. */
    public static final String DISCLOSURE_SUPPRESSED = "disclosure_suppressed";

    public ExclusionCount {
        requireNonNull(reason, "reason is null");
        if (rows < 0 || people < 0) {
            throw new IllegalArgumentException("Cannot count exclusions for " + reason + ": negative count");
        }
    }
}
