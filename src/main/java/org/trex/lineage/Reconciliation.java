package org.trex.lineage;

/** Rows that reached an output, rows left out of it and rows written: in - left out = out, always. */
public record Reconciliation(long rowsIn, long rowsLeftOut, long rowsOut) {
    public Reconciliation {
        LineageChecks.requireCount(rowsIn, "rowsIn");
        LineageChecks.requireCount(rowsLeftOut, "rowsLeftOut");
        LineageChecks.requireCount(rowsOut, "rowsOut");
        if (rowsIn - rowsLeftOut != rowsOut) {
            throw new IllegalArgumentException("Cannot reconcile rows: " + rowsIn + " in - " + rowsLeftOut
                    + " left out is " + (rowsIn - rowsLeftOut) + ", not " + rowsOut + " out");
        }
    }
}
