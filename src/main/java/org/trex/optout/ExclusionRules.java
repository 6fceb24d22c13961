package org.trex.optout;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.trex.nhs.NhsNumber;

/**
 * The exclusions in force for one run: which normalised NHS numbers opted out and why, and whether the
 * national list could be checked at all. Fail closed: a record that cannot be checked is left out.
 * Serializable so Spark can broadcast it to every task.
 */
public final class ExclusionRules implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, ExclusionReason> optedOut;
    private final NationalListStatus nationalList;

    public ExclusionRules(Map<String, ExclusionReason> optedOut, NationalListStatus nationalList) {
        this.optedOut = new HashMap<>(requireNonNull(optedOut, "optedOut is null"));
        this.nationalList = requireNonNull(nationalList, "nationalList is null");
    }

    /** Why the record with this raw NHS number is left out, or null when it is kept. */
    public ExclusionReason classify(String rawNhsNumber) {
        // Normalised once: this runs for every source row.
        String normalised = NhsNumber.normalise(rawNhsNumber);
        if (normalised == null) {
            return ExclusionReason.MISSING_NHS_NUMBER;
        }
        if (!NhsNumber.isValidNormalised(normalised)) {
            return ExclusionReason.INVALID_NHS_NUMBER;
        }
        if (nationalList == NationalListStatus.MISSING || nationalList == NationalListStatus.STALE) {
            return ExclusionReason.OPT_OUT_STATUS_UNKNOWN;
        }
        return optedOut.get(normalised);
    }

    public NationalListStatus nationalList() {
        return nationalList;
    }

    /** How many distinct numbers opted out, by their first reason. */
    public Map<ExclusionReason, Long> optedOutCounts() {
        Map<ExclusionReason, Long> counts = new java.util.EnumMap<>(ExclusionReason.class);
        optedOut.values().forEach(reason -> counts.merge(reason, 1L, Long::sum));
        return counts;
    }
}
