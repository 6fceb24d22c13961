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
    /**
     * An identifier rows are matched by (a council's person, an event, a spell): spaces around it, which exports pad
     * it with, are dropped, so " 100203" names the person 100203 names. May identify a person.
     */
    IDENTIFIER,
    /** An identifier or text: may name or identify a person. */
    TEXT
}
