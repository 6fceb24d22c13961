package org.trex.optout;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a record is left out of an extract, in the order the checks apply: a record is counted once,
 * under the first reason that holds. One exception to the order: an objection recorded against the council record
 * a row belongs to is checked first, so that record's rows count as {@link #LOCAL_OBJECTION} even when its NHS
 * number is missing or invalid. They would be left out either way (fail closed); counted as the objection, lineage
 * and plans show every row a person's objection kept out, and the count does not move when the number is traced.
 */
public enum ExclusionReason {
    MISSING_NHS_NUMBER("missing_nhs_number", "NHS number missing: no opt-out can be checked"),
    INVALID_NHS_NUMBER("invalid_nhs_number",
            "NHS number invalid (format, check digit or placeholder): no opt-out can be checked"),
    LOCAL_OBJECTION("local_objection", "Objection to the use of the NHS number, in force on the day of the run"),
    /**
     * Not on the national allow list: opted out, or never sent to the service. The two cannot be told apart from
     * an allow list, and must not be: one reason for both.
     */
    NATIONAL_DATA_OPT_OUT_OR_UNCHECKED("national_data_opt_out_or_unchecked",
            "National data opt-out, or not checked: not on the allow list the run used"),
    TYPE1_OPT_OUT("type1_opt_out", "Type 1 opt-out recorded at the GP practice");

    private final String code;
    private final String description;

    ExclusionReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** A stable code for lineage, manifests and plans. */
    public String code() {
        return code;
    }

    /** The reason with this {@link #code()}, if any. */
    public static Optional<ExclusionReason> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    /** A phrase for reports. */
    public String description() {
        return description;
    }

    /**
     * Whether the records left out for this reason can be counted as people. People are told apart by their NHS
     * number: a missing one tells no one apart, nor does an invalid one, a placeholder many share (0000000000) or a
     * mistyped number, so those records are counted as records alone.
     */
    public boolean peopleCountable() {
        return this != MISSING_NHS_NUMBER && this != INVALID_NHS_NUMBER;
    }
}
