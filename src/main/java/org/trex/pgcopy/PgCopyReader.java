package org.trex.pgcopy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.trex.source.DatabaseException;

/**
 * Reads one id range with {@code COPY (...) TO STDOUT (FORMAT binary)} on its own connection and
 * decodes each tuple straight into Spark's internal values: text stays the UTF-8 bytes pgjdbc
 * received, dates and timestamps stay numbers.
 */
final class PgCopyReader implements PartitionReader<InternalRow> {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int HAS_OIDS = 1 << 16;
    /** PostgreSQL counts days and microseconds from 2000-01-01, Spark from 1970-01-01. */
    private static final int DAYS_2000 = 10_957;
    private static final long MICROS_2000 = 946_684_800_000_000L;
    private static final int NUMERIC_NEGATIVE = 0x4000;
    private static final byte[] EMPTY = new byte[0];

    private final List<PgColumn> columns;
    private final PgType[] types;
    private final PgCopyPartition partition;
    private final ZoneRules localZone;
    private final Connection connection;
    private final CopyOut copy;

    /** Unread COPY bytes are buf[pos, limit); a buffer is never written after UTF8Strings point into it. */
    private byte[] buf = EMPTY;
    private int pos;
    private int limit;
    private boolean headerRead;
    private boolean finished;
    private InternalRow row;

    PgCopyReader(PgCopyOptions options, List<PgColumn> columns, String partitionColumn, PgCopyPartition partition) {
        this.columns = columns;
        this.types = columns.stream().map(PgColumn::type).toArray(PgType[]::new);
        this.partition = partition;
        // Spark's JDBC source reads a timestamp without time zone as a local time of this JVM's zone.
        this.localZone = ZoneId.systemDefault().getRules();
        String sql = "COPY (SELECT * FROM (\n" + options.query() + "\n) AS trex_src"
                + partition.where(quote(partitionColumn)) + ") TO STDOUT (FORMAT binary)";
        Connection opened = null;
        try {
            opened = PgCopySource.connect(options.url());
            try (Statement statement = opened.createStatement()) {
                statement.execute(options.snapshot() == null ? "BEGIN READ ONLY"
                        : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
                if (options.snapshot() != null) {
                    statement.execute("SET TRANSACTION SNAPSHOT '" + options.snapshot() + "'");
                }
            }
            this.copy = opened.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
            this.connection = opened;
        } catch (SQLException e) {
            closeQuietly(opened);
            throw failure(e);
        }
    }

    @Override
    public boolean next() {
        if (finished) {
            return false;
        }
        try {
            if (!headerRead) {
                readHeader();
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
            if (fields != types.length) {
                throw corrupt("a row has " + fields + " fields, the query " + types.length + " columns");
            }
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                if (!ensure(4)) {
                    throw corrupt("the data ended inside a row");
                }
                int length = (int) INT.get(buf, pos);
                pos += 4;
                if (length == -1) {
                    continue;
                }
                if (length < 0 || !ensure(length)) {
                    throw corrupt("the data ended inside a row");
                }
                values[i] = decode(i, length);
                pos += length;
            }
            row = new GenericInternalRow(values);
            return true;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public InternalRow get() {
        return row;
    }

    /** Cancels a COPY still running (a killed or failed task) so the server stops sending, then disconnects. */
    @Override
    public void close() {
        finished = true;
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // Closing the connection below ends the server's side all the same.
            }
        }
        closeQuietly(connection);
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
     * Makes {@code n} bytes readable from {@code pos}, reading COPY messages as needed; false if the data
     * ends first. PostgreSQL sends a message per row (the first also carries the header), so joining a
     * remainder to the next message is the rare case; it copies, as strings may point into the old buffer.
     */
    private boolean ensure(int n) throws SQLException {
        while (limit - pos < n) {
            byte[] next = copy.readFromCopy();
            if (next == null) {
                return false;
            }
            if (pos == limit) {
                buf = next;
                limit = next.length;
            } else {
                byte[] joined = new byte[limit - pos + next.length];
                System.arraycopy(buf, pos, joined, 0, limit - pos);
                System.arraycopy(next, 0, joined, limit - pos, next.length);
                buf = joined;
                limit = joined.length;
            }
            pos = 0;
        }
        return true;
    }

    private Object decode(int column, int length) {
        PgType type = types[column];
        int fixed = type.fixedLength();
        if (fixed >= 0 && length != fixed) {
            throw corrupt("column " + columns.get(column).name() + " has a " + length + "-byte " + type.pgName()
                    + " value; has the query's type changed since its schema was read?");
        }
        return switch (type) {
            case INT2 -> (short) SHORT.get(buf, pos);
            case INT4 -> (int) INT.get(buf, pos);
            case INT8 -> (long) LONG.get(buf, pos);
            case BOOL -> buf[pos] != 0;
            case FLOAT4 -> Float.intBitsToFloat((int) INT.get(buf, pos));
            case FLOAT8 -> Double.longBitsToDouble((long) LONG.get(buf, pos));
            case TEXT -> UTF8String.fromBytes(buf, pos, length);
            case DATE -> date(column);
            case TIMESTAMP -> localTimestamp(column);
            case TIMESTAMPTZ -> micros(column) + MICROS_2000;
            case NUMERIC -> numeric(column, length);
        };
    }

    private int date(int column) {
        int days = (int) INT.get(buf, pos);
        if (days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
            throw unreadable(column, "holds a date of infinity, which Spark's DateType cannot hold");
        }
        return days + DAYS_2000;
    }

    private long micros(int column) {
        long micros = (long) LONG.get(buf, pos);
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            throw unreadable(column, "holds a timestamp of infinity, which Spark's TimestampType cannot hold");
        }
        return micros;
    }

    private long localTimestamp(int column) {
        long local = micros(column) + MICROS_2000;
        if (localZone.isFixedOffset()) {
            return local - localZone.getOffset(java.time.Instant.EPOCH).getTotalSeconds() * 1_000_000L;
        }
        LocalDateTime dateTime = LocalDateTime.ofEpochSecond(Math.floorDiv(local, 1_000_000L), 0, ZoneOffset.UTC);
        ZoneOffsetTransition transition = localZone.getTransition(dateTime);
        // As pgjdbc's Calendar does: a clock-change gap keeps the offset before it, an overlap takes the later time.
        ZoneOffset offset = transition == null ? localZone.getOffset(dateTime)
                : transition.isOverlap() ? transition.getOffsetAfter() : transition.getOffsetBefore();
        return local - offset.getTotalSeconds() * 1_000_000L;
    }

    /**
     * numeric's binary form: digit count, weight (of the first base-10000 digit), sign, display scale
     * (unused here), then the digits. Rounded half up to the column's scale, as Spark's JDBC source rounds.
     */
    private Decimal numeric(int column, int length) {
        int digits = (short) SHORT.get(buf, pos) & 0xFFFF;
        int weight = (short) SHORT.get(buf, pos + 2);
        int sign = (short) SHORT.get(buf, pos + 4) & 0xFFFF;
        if (length != 8 + 2 * digits) {
            throw corrupt("column " + columns.get(column).name() + " has a malformed numeric value");
        }
        if (sign != 0 && sign != NUMERIC_NEGATIVE) {
            throw unreadable(column, "holds a numeric NaN or infinity, which Spark's DecimalType cannot hold");
        }
        BigInteger unscaled = BigInteger.ZERO;
        long chunk = 0;
        int inChunk = 0;
        for (int i = 0; i < digits; i++) {
            chunk = chunk * 10_000 + ((short) SHORT.get(buf, pos + 8 + 2 * i));
            // Four base-10000 digits fit a long; fold them into the BigInteger only then.
            if (++inChunk == 4 || i == digits - 1) {
                unscaled = unscaled.multiply(BigInteger.TEN.pow(4 * inChunk)).add(BigInteger.valueOf(chunk));
                chunk = 0;
                inChunk = 0;
            }
        }
        // Exact: the digits hold the value itself, display scale aside.
        BigDecimal value = new BigDecimal(sign == NUMERIC_NEGATIVE ? unscaled.negate() : unscaled,
                4 * (digits - 1 - weight));
        PgColumn target = columns.get(column);
        BigDecimal scaled = value.setScale(target.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() > target.precision()) {
            throw unreadable(column, "holds a value with more digits than " + target.sparkType().simpleString());
        }
        return Decimal.apply(scaled, target.precision(), target.scale());
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private DatabaseException failure(SQLException e) {
        return new DatabaseException("Cannot read " + partition.label() + " from PostgreSQL: "
                + PgCopySource.safeMessage(e), e);
    }

    private DatabaseException corrupt(String what) {
        return new DatabaseException("Cannot read " + partition.label() + " from PostgreSQL: its COPY data is not as "
                + "expected: " + what);
    }

    /** Names the column, never the value: a row may be a person's data. */
    private DatabaseException unreadable(int column, String what) {
        return new DatabaseException("Cannot read " + partition.label() + " from PostgreSQL: column "
                + columns.get(column).name() + " " + what);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Nothing is left to do for a connection that will not close.
            }
        }
    }
}
