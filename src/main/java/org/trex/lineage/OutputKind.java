package org.trex.lineage;

/** Whether an output holds a row per record or counts per group. */
public enum OutputKind {
    RECORDS, AGGREGATE;

    /** The name specs and reports use. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
