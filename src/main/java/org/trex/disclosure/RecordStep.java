package org.trex.disclosure;

/** What a run does next to a record-level output, given its equivalence classes. */
public enum RecordStep {
    /** Publish as it is: every class has at least k records. */
    KEEP,
    /** Coarsen the quasi-identifiers and measure again. */
    GENERALISE,
    /** Blank the quasi-identifier values of records in classes below k. */
    SUPPRESS,
    /** Publish nothing. */
    REFUSE
}
