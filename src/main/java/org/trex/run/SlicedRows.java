package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * A partition's rows, sorted on their key ({@link HexRangeBuckets#orderKey}), handed out a slice at a time: the rows
 * of a slice end where the next row's key is in a later slice. The row looked at is handed out before the next is
 * read, as Spark reuses rows.
 */
final class SlicedRows {
    private final Iterator<InternalRow> rows;
    private final HexRangeBuckets slices;
    private final int keyColumn;
    private InternalRow next;

    SlicedRows(Iterator<InternalRow> rows, HexRangeBuckets slices, int keyColumn) {
        this.rows = requireNonNull(rows, "rows is null");
        this.slices = requireNonNull(slices, "slices is null");
        this.keyColumn = keyColumn;
    }

    /** Whether every row was handed out. */
    boolean exhausted() {
        if (next == null && rows.hasNext()) {
            next = rows.next();
        }
        return next == null;
    }

    /** The rows of {@code slice} from here on. */
    Iterator<InternalRow> of(int slice) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !exhausted() && slices.sliceOfOrderKey(next.getLong(keyColumn)) == slice;
            }

            @Override
            public InternalRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more rows in slice " + slice);
                }
                InternalRow row = next;
                next = null;
                return row;
            }
        };
    }
}
