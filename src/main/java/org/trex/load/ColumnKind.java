package org.trex.load;

/**
 * What a column holds, which decides how it is checked and whether a report may show its value: only codes
 * from a national list are shown; identifiers, NHS numbers, dates of birth, postcodes and free text never.
 */
public enum ColumnKind {
    /** A value from a national list; shown in reports, as it describes no one. */
    CODE(true),
    /** Yes or No; shown in reports. */
    YES_NO(true),
    /** A date that is not personal (event dates, reporting periods). */
    DATE(false),
    /** A date of birth or death: personal. */
    PERSONAL_DATE(false),
    /** An NHS number: personal; checked for form, loaded as given. */
    NHS_NUMBER(false),
    /** A decimal number (a cost, units per week). */
    DECIMAL(false),
    /** An identifier or text: never shown, as it may name or identify a person. */
    TEXT(false);

    private final boolean shown;

    ColumnKind(boolean shown) {
        this.shown = shown;
    }

    /** Whether a report may show a value of this kind. */
    public boolean shown() {
        return shown;
    }
}
