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
import org.trex.source.CopyTuples;
import org.trex.source.DatabaseException;

/**
 * Reads one id range with {@code COPY (...) TO STDOUT (FORMAT binary)} on its own connection and
 * decodes each tuple straight into Spark's internal values: text stays the UTF-8 bytes pgjdbc
 * received, dates and timestamps stay numbers.
 */
final class PgCopyReader implements PartitionReader<InternalRow> {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    /** PostgreSQL counts microseconds from 2000-01-01, Spark from 1970-01-01. */
    private static final long MICROS_2000 = 946_684_800_000_000L;
    private static final int NUMERIC_NEGATIVE = 0x4000;

    private final List<PgColumn> columns;
    private final PgType[] types;
    private final PgCopyPartition partition;
    private final ZoneRules localZone;
    private final Connection connection;
    /** Its buffers are never written once a tuple is given in them, so UTF8Strings may point into them. */
    private final CopyTuples tuples;

    private InternalRow row;

    PgCopyReader(PgCopyOptions options, List<PgColumn> columns, String partitionColumn, PgCopyPartition partition) {
        this.columns = columns;
        this.types = columns.stream().map(PgColumn::type).toArray(PgType[]::new);
        this.partition = partition;
        // Spark's JDBC source reads a timestamp without time zone as a local time of this JVM's zone.
        this.localZone = ZoneId.systemDefault().getRules();
        String select = "SELECT * FROM (\n" + options.query() + "\n) AS trex_src"
                + partition.where(quote(partitionColumn));
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
            this.tuples = CopyTuples.start(opened, select, types.length, partition.label());
            this.connection = opened;
        } catch (SQLException e) {
            closeQuietly(opened);
            throw failure(e);
        }
    }

    @Override
    public boolean next() {
        try {
            if (!tuples.next()) {
                return false;
            }
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                if (!tuples.isNull(i)) {
                    values[i] = decode(i, tuples.offset(i), tuples.length(i));
                }
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
        tuples.close();
        closeQuietly(connection);
    }

    private Object decode(int column, int offset, int length) {
        PgType type = types[column];
        int fixed = type.fixedLength();
        if (fixed >= 0 && length != fixed) {
            throw tuples.corrupt("column " + columns.get(column).name() + " has a " + length + "-byte "
                    + type.pgName() + " value; has the query's type changed since its schema was read?");
        }
        return switch (type) {
            case INT2 -> tuples.int2(column);
            case INT4 -> tuples.int4(column);
            case INT8 -> tuples.int8(column);
            case BOOL -> tuples.bool(column);
            case FLOAT4 -> Float.intBitsToFloat(tuples.int4(column));
            case FLOAT8 -> Double.longBitsToDouble(tuples.int8(column));
            case TEXT -> UTF8String.fromBytes(tuples.buffer(), offset, length);
            case DATE -> date(column);
            case TIMESTAMP -> localTimestamp(column);
            case TIMESTAMPTZ -> micros(column) + MICROS_2000;
            case NUMERIC -> numeric(column, offset, length);
        };
    }

    private int date(int column) {
        int days = tuples.int4(column);
        if (days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
            throw unreadable(column, "holds a date of infinity, which Spark's DateType cannot hold");
        }
        return (int) tuples.epochDay(column);
    }

    private long micros(int column) {
        long micros = tuples.int8(column);
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
    private Decimal numeric(int column, int pos, int length) {
        byte[] buf = tuples.buffer();
        int digits = (short) SHORT.get(buf, pos) & 0xFFFF;
        int weight = (short) SHORT.get(buf, pos + 2);
        int sign = (short) SHORT.get(buf, pos + 4) & 0xFFFF;
        if (length != 8 + 2 * digits) {
            throw tuples.corrupt("column " + columns.get(column).name() + " has a malformed numeric value");
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
