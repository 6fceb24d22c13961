package org.trex.nhs;

/** Whether a raw NHS number value can be used: present and valid, missing, or invalid. */
public enum NhsNumberStatus {
    VALID("valid"),
    MISSING("the value is missing"),
    INVALID("the value is not ten digits with a correct Modulus 11 check digit, or is one digit ten times");

    private final String description;

    NhsNumberStatus(String description) {
        this.description = description;
    }

    /** Classifies a raw value without keeping it. */
    public static NhsNumberStatus of(String raw) {
        String normalised = NhsNumber.normalise(raw);
        if (normalised == null) {
            return MISSING;
        }
        return NhsNumber.isValidNormalised(normalised) ? VALID : INVALID;
    }

    /** A phrase for messages; never contains the value. */
    public String description() {
        return description;
    }
}
