package org.trex.lineage;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rows and people left out for one reason, e.g. {@code national_data_opt_out_or_unchecked}; in the order the run
 * applied them, so that the report can draw them as steps.
 */
public record Exclusion(String reason, long rows, long people) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Map<String, String> LABELS = Map.of(
            "missing_nhs_number", "Missing NHS number",
            "invalid_nhs_number", "Invalid NHS number",
            "local_objection", "Local objection",
            "national_data_opt_out_or_unchecked", "National data opt-out, or not checked",
            "type1_opt_out", "Type 1 opt-out",
            "disclosure_suppressed", "Suppressed for disclosure control");

    public Exclusion {
        LineageChecks.requireText(reason, "reason");
        if (!CODE.matcher(reason).matches()) {
            throw new IllegalArgumentException(
                    "Cannot describe lineage: exclusion reason is not a snake_case code: " + reason);
        }
        LineageChecks.requireCount(rows, "rows");
        LineageChecks.requireCount(people, "people");
        if (!peopleCountable(reason) && people != 0) {
            throw new IllegalArgumentException("Cannot describe lineage: " + people + " people left out as "
                    + reason + ", whose records cannot be counted as people");
        }
    }

    /**
     * People are counted by NHS number, so records left out for having none, or an invalid one (a placeholder many
     * share, a mistyped number), cannot be counted as people; their {@link #people()} is 0, which a reader should not
     * take for "nobody", and the lineage shows none.
     */
    public boolean peopleCountable() {
        return peopleCountable(reason);
    }

    private static boolean peopleCountable(String reason) {
        return !reason.equals("missing_nhs_number") && !reason.equals("invalid_nhs_number");
    }

    /** The reason in words for a reader, or the code when TREx has no words for it. */
    public String label() {
        return LABELS.getOrDefault(reason, reason);
    }
}
