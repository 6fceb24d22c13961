package org.trex.governance;

/** What a released output holds of a person: their rows, or counts they were counted in. */
public enum ReleaseOutputKind {
    /** Record-level rows, which a TRE can delete. */
    RECORDS,
    /** Aggregate counts, which cannot be recalled. */
    AGGREGATE
}
