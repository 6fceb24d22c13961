package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Rows sorted on a long key, handed on with every run of rows that tie on the key put in the order of their
 * content. Spark sorts on one long key by radix, far faster than comparing rows, but leaves rows that tie in
 * the order they arrived, which a shuffle does not fix; putting those few in content order here keeps the
 * whole order a function of content alone. Each row is copied as it is read, as Spark reuses the row it hands
 * out and a row can only be passed on once the next one's key is known.
 */
final class TiesInContentOrder implements Iterator<InternalRow> {
    private final Iterator<InternalRow> sorted;
    private final int keyColumn;
    private final Comparator<InternalRow> content;
    private final ArrayDeque<InternalRow> tied = new ArrayDeque<>();
    private InternalRow lookahead;

    TiesInContentOrder(Iterator<InternalRow> sorted, int keyColumn, Comparator<InternalRow> content) {
        this.sorted = requireNonNull(sorted, "sorted is null");
        if (keyColumn < 0) {
            throw new IllegalArgumentException("Cannot read sort keys from column " + keyColumn + ": use 0 or more");
        }
        this.keyColumn = keyColumn;
        this.content = requireNonNull(content, "content is null");
    }

    @Override
    public boolean hasNext() {
        return !tied.isEmpty() || lookahead != null || sorted.hasNext();
    }

    @Override
    public InternalRow next() {
        if (!tied.isEmpty()) {
            return tied.removeFirst();
        }
        InternalRow first = lookahead;
        lookahead = null;
        if (first == null) {
            if (!sorted.hasNext()) {
                throw new NoSuchElementException("Cannot read past the last row");
            }
            first = sorted.next().copy();
        }
        long key = first.getLong(keyColumn);
        List<InternalRow> run = null;
        while (sorted.hasNext()) {
            InternalRow row = sorted.next().copy();
            if (row.getLong(keyColumn) != key) {
                lookahead = row;
                break;
            }
            if (run == null) {
                run = new ArrayList<>();
                run.add(first);
            }
            run.add(row);
        }
        if (run == null) {
            return first;
        }
        run.sort(content);
        tied.addAll(run);
        return tied.removeFirst();
    }
}
