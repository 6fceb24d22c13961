package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * CSV lines straight from Spark's internal rows: no Java String per value, which made Spark's own CSV writer
 * the slowest step of a large run. The dialect is RFC 4180 with LF line ends: a value is quoted when it holds a
 * comma, a quote or a line break, a quote in it is doubled, an empty string is {@code ""} and a missing value
 * is empty. Dates are ISO (yyyy-MM-dd), numbers plain. Serializable: the tasks that write the parts use it.
 */
final class CsvFormat implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int BUFFER = 1 << 16;

    private enum Kind { STRING, INT, LONG, SHORT, BYTE, BOOLEAN, DATE, DECIMAL, DOUBLE, FLOAT }

    private final Kind[] kinds;
    private final DataType[] types;
    private final StructType schema;

    /** Refuses, naming the column, a schema with a type that has no CSV form here. */
    CsvFormat(StructType schema) {
        this.schema = requireNonNull(schema, "schema is null");
        StructField[] fields = schema.fields();
        this.kinds = new Kind[fields.length];
        this.types = new DataType[fields.length];
        for (int i = 0; i < fields.length; i++) {
            types[i] = fields[i].dataType();
            kinds[i] = kindOf(fields[i]);
        }
    }

    /** The header line: the column names. */
    byte[] header() {
        return (String.join(",", schema.fieldNames()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A writer of lines to {@code out}, buffered: {@link Lines#flush()} before closing {@code out}. */
    Lines lines(OutputStream out) {
        return new Lines(requireNonNull(out, "out is null"));
    }

    private static Kind kindOf(StructField field) {
        DataType type = field.dataType();
        if (type instanceof StringType) {
            return Kind.STRING;
        } else if (type instanceof IntegerType) {
            return Kind.INT;
        } else if (type instanceof LongType) {
            return Kind.LONG;
        } else if (type instanceof ShortType) {
            return Kind.SHORT;
        } else if (type instanceof ByteType) {
            return Kind.BYTE;
        } else if (type instanceof BooleanType) {
            return Kind.BOOLEAN;
        } else if (type instanceof DateType) {
            return Kind.DATE;
        } else if (type instanceof DecimalType) {
            return Kind.DECIMAL;
        } else if (type instanceof DoubleType) {
            return Kind.DOUBLE;
        } else if (type instanceof FloatType) {
            return Kind.FLOAT;
        }
        throw new IllegalArgumentException("Cannot write column " + field.name() + " as CSV: type "
                + type.simpleString() + " has no CSV form here");
    }

    /** Lines built in a buffer of bytes. Not thread safe. */
    final class Lines {
        private final OutputStream out;
        private final byte[] buffer = new byte[BUFFER];
        private int length;

        Lines(OutputStream out) {
            this.out = out;
        }

        /** Appends one row as a line. */
        void row(InternalRow row) throws IOException {
            for (int i = 0; i < kinds.length; i++) {
                if (i > 0) {
                    put((byte) ',');
                }
                if (!row.isNullAt(i)) {
                    value(row, i);
                }
            }
            put((byte) '\n');
        }

        private void value(InternalRow row, int i) throws IOException {
            switch (kinds[i]) {
                case STRING -> string(row.getUTF8String(i));
                case INT -> number(row.getInt(i));
                case LONG -> number(row.getLong(i));
                case SHORT -> number(row.getShort(i));
                case BYTE -> number(row.getByte(i));
                case BOOLEAN -> ascii(row.getBoolean(i) ? "true" : "false");
                case DATE -> date(row.getInt(i));
                case DECIMAL -> {
                    DecimalType type = (DecimalType) types[i];
                    ascii(row.getDecimal(i, type.precision(), type.scale()).toJavaBigDecimal().toPlainString());
                }
                case DOUBLE -> ascii(Double.toString(row.getDouble(i)));
                case FLOAT -> ascii(Float.toString(row.getFloat(i)));
            }
        }

        private void string(UTF8String value) throws IOException {
            Utf8Slice bytes = Utf8Slice.of(value);
            byte[] array = bytes.array();
            int end = bytes.offset() + bytes.length();
            boolean quote = bytes.length() == 0;
            for (int j = bytes.offset(); j < end && !quote; j++) {
                byte b = array[j];
                quote = b == ',' || b == '"' || b == '\n' || b == '\r';
            }
            if (!quote) {
                put(array, bytes.offset(), bytes.length());
                return;
            }
            put((byte) '"');
            for (int j = bytes.offset(); j < end; j++) {
                if (array[j] == '"') {
                    put((byte) '"');
                }
                put(array[j]);
            }
            put((byte) '"');
        }

        private void date(int epochDay) throws IOException {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            int year = date.getYear();
            if (year < 0 || year > 9999) {
                ascii(date.toString());
                return;
            }
            digits(year, 4);
            put((byte) '-');
            digits(date.getMonthValue(), 2);
            put((byte) '-');
            digits(date.getDayOfMonth(), 2);
        }

        private void number(long value) throws IOException {
            if (value < 0 || value > Integer.MAX_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            int small = (int) value;
            int width = 1;
            for (int rest = small / 10; rest > 0; rest /= 10) {
                width++;
            }
            digits(small, width);
        }

        /** Int arithmetic: a long division costs several times an int one, and this runs for every number. */
        private void digits(int value, int width) throws IOException {
            room(width);
            for (int j = length + width - 1; j >= length; j--) {
                buffer[j] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += width;
        }

        private void ascii(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            put(bytes, 0, bytes.length);
        }

        private void put(byte b) throws IOException {
            room(1);
            buffer[length++] = b;
        }

        private void put(byte[] bytes, int offset, int count) throws IOException {
            if (count > buffer.length) {
                flush();
                out.write(bytes, offset, count);
                return;
            }
            room(count);
            System.arraycopy(bytes, offset, buffer, length, count);
            length += count;
        }

        private void room(int count) throws IOException {
            if (length + count > buffer.length) {
                flush();
            }
        }

        /** Writes out what the buffer holds. */
        void flush() throws IOException {
            out.write(buffer, 0, length);
            length = 0;
        }
    }
}
