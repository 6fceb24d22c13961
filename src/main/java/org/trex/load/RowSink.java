package org.trex.load;

/** Where accepted rows go: a COPY into the staging table, or nowhere for a dry run. */
@FunctionalInterface
public interface RowSink {
    /** Takes one accepted row's values in national column order; {@code ordinal} orders the rows of a load. */
    void accept(long ordinal, String[] values);

    /** A sink that keeps nothing. */
    static RowSink discard() {
        return (ordinal, values) -> { };
    }
}
