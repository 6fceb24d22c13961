package org.trex.spec;

/** One table of an extract: record-level rows or aggregate counts. */
public sealed interface OutputSpec permits RecordOutput, AggregateOutput {
    /** The table's name; its files are {@code data/<name>.parquet} and {@code data/<name>.csv}. */
    String name();

    /** The source dataset the rows come from (a name in the source catalog). */
    String dataset();

    /** Rows of a linked dataset are kept when they fall in this window around the index date. */
    RelativeWindow window();
}
