package org.trex.generate;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.copy.CopyIn;
import org.trex.source.DatabaseUrl;

/**
 * Writes rows in PostgreSQL's COPY text format straight into an open {@link CopyIn}, through a buffer,
 * so that a table is streamed to the server and never held in memory.
 */
final class CopyWriter {
    private static final int FLUSH_AT = 1 << 16;
    private static final int FIRST_DAY = (int) LocalDate.of(1900, 1, 1).toEpochDay();
    private static final int LAST_DAY = (int) LocalDate.of(2030, 12, 31).toEpochDay();
    private static final byte[][] DATES = dates();
    private static final byte[] NULL = {'\\', 'N'};

    private final CopyIn copy;
    private final byte[] buffer = new byte[FLUSH_AT + 4096];
    private int length;
    private boolean firstField = true;
    private long rows;

    CopyWriter(CopyIn copy) {
        this.copy = requireNonNull(copy, "copy is null");
    }

    /** A text value; the generator's values never hold tabs, newlines or backslashes, so none are escaped. */
    CopyWriter text(String value) {
        separate();
        if (value == null) {
            return raw(NULL);
        }
        ensure(value.length() * 3);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                buffer[length++] = (byte) c;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                System.arraycopy(encoded, 0, buffer, length, encoded.length);
                length += encoded.length;
            }
        }
        return this;
    }

    CopyWriter number(long value) {
        separate();
        ensure(20);
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        int start = length;
        do {
            buffer[length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte b = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = b;
        }
        return this;
    }

    /** A date given as an epoch day, or NULL for {@link Dates#NONE}. */
    CopyWriter date(int epochDay) {
        separate();
        if (epochDay == Dates.NONE) {
            return raw(NULL);
        }
        if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
            throw new IllegalArgumentException("Cannot write date: epoch day " + epochDay + " is outside 1900-2030");
        }
        return raw(DATES[epochDay - FIRST_DAY]);
    }

    CopyWriter bool(boolean value) {
        separate();
        ensure(1);
        buffer[length++] = (byte) (value ? 't' : 'f');
        return this;
    }

    CopyWriter nullValue() {
        separate();
        return raw(NULL);
    }

    void endRow() {
        ensure(1);
        buffer[length++] = '\n';
        firstField = true;
        rows++;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is buffered and ends the COPY; returns the rows the server took. */
    long finish() {
        flush();
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot finish COPY: " + firstLine(e), e);
        }
    }

    long rows() {
        return rows;
    }

    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is closed next; cancelling is only courtesy to the server
        }
    }

    private void separate() {
        if (!firstField) {
            ensure(1);
            buffer[length++] = '\t';
        }
        firstField = false;
    }

    private CopyWriter raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            flush();
            if (more > buffer.length) {
                throw new IllegalArgumentException("Cannot write value: " + more + " bytes exceed the buffer");
            }
        }
    }

    private void flush() {
        if (length == 0) {
            return;
        }
        try {
            copy.writeToCopy(buffer, 0, length);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot stream COPY data: " + firstLine(e), e);
        }
        length = 0;
    }

    /** The server's detail lines quote the failing row, which may be a person's data. */
    static String firstLine(SQLException e) {
        String message = DatabaseUrl.safeMessage(e);
        return message.lines().findFirst().orElse(message);
    }

    private static byte[][] dates() {
        byte[][] dates = new byte[LAST_DAY - FIRST_DAY + 1][];
        for (int day = FIRST_DAY; day <= LAST_DAY; day++) {
            dates[day - FIRST_DAY] = LocalDate.ofEpochDay(day).toString()
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return dates;
    }
}
