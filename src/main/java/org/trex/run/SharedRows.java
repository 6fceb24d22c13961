package org.trex.run;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.trex.plan.ScanPlan;

/**
 * The rows of one shared read, read once from their snapshot and checked once against the exclusions, kept (in
 * memory, spilling to disk) while the outputs that share the read take their columns from them. Every output of the
 * read has read, and left out, the same rows, so they share one tally too.
 */
final class SharedRows implements AutoCloseable {
    private final ScanPlan scan;
    private final SourceSnapshot snapshot;
    private final ExclusionTally tally;
    private final Dataset<Row> kept;

    SharedRows(ScanPlan scan, SourceSnapshot snapshot, ExclusionTally tally, Dataset<Row> kept) {
        this.scan = requireNonNull(scan, "scan is null");
        this.snapshot = requireNonNull(snapshot, "snapshot is null");
        this.tally = requireNonNull(tally, "tally is null");
        this.kept = requireNonNull(kept, "kept is null");
    }

    ExclusionTally tally() {
        return tally;
    }

    /** The kept rows as {@code output}'s own SELECT would have given them: its columns, under its names. */
    Dataset<Row> rows(String output) {
        Column[] columns = scan.columns(output).entrySet().stream()
                .map(column -> col(column.getValue()).as(column.getKey())).toArray(Column[]::new);
        return kept.select(columns);
    }

    @Override
    public void close() {
        try {
            kept.unpersist();
        } finally {
            snapshot.close();
        }
    }
}
