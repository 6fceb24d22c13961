package org.trex.generate;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** One table's load: rows copied, and the time from the start of its pass until the table was committed. */
public record TableLoad(SourceTable table, long rows, Duration elapsed) {
    public TableLoad {
        requireNonNull(table, "table is null");
        requireNonNull(elapsed, "elapsed is null");
        if (rows < 0) {
            throw new IllegalArgumentException("Cannot record load of " + table.qualifiedName() + ": rows " + rows);
        }
    }
}
