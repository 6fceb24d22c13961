package org.trex.load;

/** What a column holds, which decides how its values are checked. A report shows no value of any kind. */
public enum ColumnKind {
    /** A value from a national list. */
    CODE,
    /** Yes or No. */
    YES_NO,
    /** A date that is not personal (event dates, reporting periods). */
    DATE,
    /** A date of birth or death: personal. */
    PERSONAL_DATE,
    /** An NHS number: personal; checked for form, loaded as given. */
    NHS_NUMBER,
    /** A decimal number (a cost, units per week). */
    DECIMAL,
    /** An identifier or text: may name or identify a person. */
    TEXT
}
