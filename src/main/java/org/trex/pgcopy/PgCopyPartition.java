package org.trex.pgcopy;

import org.apache.spark.sql.connector.read.InputPartition;

/** One id range of a read: {@code lower <= id < upper}, a null bound leaving that side open. */
record PgCopyPartition(int index, int count, Long lower, Long upper) implements InputPartition {
    /** The WHERE clause over the quoted partition column, or "" for a single partition. */
    String where(String quotedColumn) {
        if (lower == null && upper == null) {
            return "";
        }
        return " WHERE " + (lower == null ? "" : quotedColumn + " >= " + lower)
                + (lower != null && upper != null ? " AND " : "")
                + (upper == null ? "" : quotedColumn + " < " + upper);
    }

    /** 1-based, as people count. */
    String label() {
        return "partition " + (index + 1) + " of " + count;
    }
}
