package org.trex.run;

import static java.util.Objects.requireNonNull;

import org.trex.optout.ExclusionReason;

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

    /** Whether its rows can be counted as people ({@link ExclusionReason#peopleCountable()}). */
    public boolean peopleCountable() {
        return ExclusionReason.fromCode(reason).map(ExclusionReason::peopleCountable).orElse(true);
    }

    /** Its rows and people in words, for a run's summary and its refusals: "4 rows, people not countable". */
    public String describe() {
        return String.format("%,d rows, %s", rows, peopleCountable() ? String.format("%,d people", people)
                : "people not countable (no valid NHS number)");
    }
}
