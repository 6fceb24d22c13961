package org.trex.source;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The tuples of one {@code COPY ... TO STDOUT (FORMAT binary)}, each field's bytes left in place for the caller to
 * decode: the header checked, then a tuple at a time, its fields' offsets and lengths in {@link #buffer()}. A buffer is
 * never written once a tuple has been given in it, so values that point into it (Spark's strings) stay as they were.
 */
public final class CopyTuples implements AutoCloseable {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int HAS_OIDS = 1 << 16;
    /** PostgreSQL counts days from 2000-01-01, Java's epoch days from 1970-01-01. */
    private static final int DAYS_2000 = 10_957;
    private static final byte[] EMPTY = new byte[0];

    private final CopyOut copy;
    private final String source;
    private final int[] offsets;
    private final int[] lengths;

    /** Unread COPY bytes are buf[pos, limit), and the tuple being read starts at tupleStart. */
    private byte[] buf = EMPTY;
    private int pos;
    private int limit;
    private int tupleStart;
    private int fieldsRead;
    private boolean headerRead;
    private boolean finished;

    private CopyTuples(CopyOut copy, int fields, String source) {
        this.copy = copy;
        this.source = source;
        this.offsets = new int[fields];
        this.lengths = new int[fields];
    }

    /**
     * Starts a binary COPY of {@code select}, ready-to-run SQL of {@code fields} columns, in the connection's
     * transaction; {@code source} names what is read in errors ("Cannot read {@code source} from PostgreSQL: ...").
     */
    public static CopyTuples start(Connection connection, String select, int fields, String source)
            throws SQLException {
        requireNonNull(connection, "connection is null");
        requireNonNull(select, "select is null");
        return of(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)"), fields, source);
    }

    /** The tuples of a COPY already started. */
    static CopyTuples of(CopyOut copy, int fields, String source) {
        requireNonNull(copy, "copy is null");
        requireNonNull(source, "source is null");
        if (fields < 1) {
            throw new IllegalArgumentException("Cannot read " + source + ": a query has 1 or more columns, not "
                    + fields);
        }
        return new CopyTuples(copy, fields, source);
    }

    /** Moves to the next tuple; false after the last, once the COPY has completed. */
    public boolean next() throws SQLException {
        if (finished) {
            return false;
        }
        tupleStart = pos;
        fieldsRead = 0;
        if (!headerRead) {
            readHeader();
            tupleStart = pos;
        }
        if (!ensure(2)) {
            throw corrupt("the data ended before its trailer");
        }
        short fields = (short) SHORT.get(buf, pos);
        pos += 2;
        if (fields == -1) {
            // Read on to CopyDone so the statement completes rather than being cut off.
            while (copy.readFromCopy() != null) {
                // nothing follows the trailer
            }
            finished = true;
            return false;
        }
        if (fields != offsets.length) {
            throw corrupt("a row has " + fields + " fields, the query " + offsets.length + " columns");
        }
        while (fieldsRead < offsets.length) {
            if (!ensure(4)) {
                throw corrupt("the data ended inside a row");
            }
            int length = (int) INT.get(buf, pos);
            pos += 4;
            if (length < -1 || length >= 0 && !ensure(length)) {
                throw corrupt("the data ended inside a row");
            }
            offsets[fieldsRead] = pos;
            lengths[fieldsRead++] = length;
            pos += Math.max(length, 0);
        }
        return true;
    }

    /** The bytes the current tuple's fields lie in. */
    public byte[] buffer() {
        return buf;
    }

    /** Where the field's bytes start in {@link #buffer()}. */
    public int offset(int field) {
        return offsets[field];
    }

    /** The field's length in bytes, or -1 for a null. */
    public int length(int field) {
        return lengths[field];
    }

    public boolean isNull(int field) {
        return lengths[field] == -1;
    }

    public short int2(int field) {
        return (short) SHORT.get(buf, fixed(field, 2));
    }

    public int int4(int field) {
        return (int) INT.get(buf, fixed(field, 4));
    }

    public long int8(int field) {
        return (long) LONG.get(buf, fixed(field, 8));
    }

    /** A non-null boolean field; a null reads as false. */
    public boolean bool(int field) {
        return !isNull(field) && buf[fixed(field, 1)] != 0;
    }

    /** A date field as days from 1970-01-01; PostgreSQL's infinities come out as the most extreme days, in order. */
    public long epochDay(int field) {
        return (long) int4(field) + DAYS_2000;
    }

    /** A text field, or null. */
    public String text(int field) {
        return isNull(field) ? null : new String(buf, offsets[field], lengths[field], StandardCharsets.UTF_8);
    }

    /** Cancels a COPY still running (a reader stopped early, or failed) so the server stops sending. */
    @Override
    public void close() {
        finished = true;
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // Closing the connection ends the server's side all the same.
            }
        }
    }

    /** An error about this COPY's data: it is not what a binary COPY of the query would send. */
    public DatabaseException corrupt(String what) {
        return new DatabaseException("Cannot read " + source + " from PostgreSQL: its COPY data is not as expected: "
                + what);
    }

    private int fixed(int field, int length) {
        if (lengths[field] != length) {
            throw corrupt("field " + (field + 1) + " has " + lengths[field] + " bytes where " + length
                    + " were expected");
        }
        return offsets[field];
    }

    private void readHeader() throws SQLException {
        if (!ensure(SIGNATURE.length + 8)) {
            throw corrupt("the data ended inside its header");
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (buf[pos + i] != SIGNATURE[i]) {
                throw corrupt("it does not start with the binary COPY signature");
            }
        }
        pos += SIGNATURE.length;
        int flags = (int) INT.get(buf, pos);
        int extension = (int) INT.get(buf, pos + 4);
        pos += 8;
        if ((flags & HAS_OIDS) != 0 || extension < 0 || !ensure(extension)) {
            throw corrupt("its header is not one this reader knows");
        }
        pos += extension;
        headerRead = true;
    }

    /**
     * Makes {@code n} bytes readable from {@code pos}, reading COPY messages as needed; false if the data ends first.
     * PostgreSQL sends a message per row (the first also carries the header), so joining what is left of one to the
     * next is the rare case; it copies the tuple so far into a new buffer, as values may point into the old one.
     */
    private boolean ensure(int n) throws SQLException {
        while (limit - pos < n) {
            byte[] next = copy.readFromCopy();
            if (next == null) {
                return false;
            }
            int kept = limit - tupleStart;
            byte[] joined = kept == 0 ? next : new byte[kept + next.length];
            if (kept > 0) {
                System.arraycopy(buf, tupleStart, joined, 0, kept);
                System.arraycopy(next, 0, joined, kept, next.length);
            }
            for (int i = 0; i < fieldsRead; i++) {
                offsets[i] -= tupleStart;
            }
            pos -= tupleStart;
            tupleStart = 0;
            buf = joined;
            limit = joined.length;
        }
        return true;
    }
}
