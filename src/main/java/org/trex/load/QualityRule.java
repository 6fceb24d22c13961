package org.trex.load;

/** A data-quality rule a row is checked against; a row breaking a quarantining rule is not loaded. */
public enum QualityRule {
    REQUIRED_FIELD_MISSING("a required field is blank", Effect.QUARANTINE),
    UNREADABLE_DATE("not a date as YYYY-MM-DD or DD/MM/YYYY", Effect.QUARANTINE),
    DATES_OUT_OF_ORDER("a date falls before the date it must follow", Effect.QUARANTINE),
    IMPLAUSIBLE_PERIOD("the reporting period is not from 28 days to a year long (are other dates in its columns?)",
            Effect.QUARANTINE),
    UNKNOWN_CODE("not a value of the national list", Effect.QUARANTINE),
    UNREADABLE_NUMBER("not a number", Effect.QUARANTINE),
    NUMBER_TOO_LARGE("more digits before the decimal point than the column keeps (a cost in pence?)",
            Effect.QUARANTINE),
    INCONSISTENT_EVENT("a Service event needs a service type, and only a Service event may have one",
            Effect.QUARANTINE),
    DUPLICATE_REFERENCE("the reference appears on an earlier row of the same period", Effect.QUARANTINE),
    WRONG_FIELD_COUNT("the row has a different number of fields from the header", Effect.QUARANTINE),
    UNKNOWN_PERSON("the person identifier names no person loaded from social care yet: kept, and applied from the "
            + "social care load that brings the person in", Effect.FLAG),
    INVALID_NHS_NUMBER("not ten digits with a correct check digit, or one digit ten times (a placeholder): loaded as "
            + "given, left out of extracts", Effect.FLAG),
    PERSON_FIELDS_DISAGREE("differs from an earlier row of the same person: the latest row wins", Effect.FLAG);

    /** Whether a finding keeps its row out, or is reported with the row loaded. */
    public enum Effect {
        QUARANTINE,
        FLAG
    }

    private final String description;
    private final Effect effect;

    QualityRule(String description, Effect effect) {
        this.description = description;
        this.effect = effect;
    }

    public String description() {
        return description;
    }

    public Effect effect() {
        return effect;
    }
}
