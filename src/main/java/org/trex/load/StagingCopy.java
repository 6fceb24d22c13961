package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.trex.source.DatabaseUrl;

/**
 * Streams accepted rows into the load's staging table by COPY (text format): values escaped as COPY
 * requires (backslash, tab, newline, carriage return), missing ones as {@code \N}, through one buffer.
 */
final class StagingCopy implements RowSink {
    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

    StagingCopy(CopyIn copy) {
        this.copy = requireNonNull(copy, "copy is null");
    }

    @Override
    public void accept(long ordinal, String[] values) {
        buffer.append(ordinal);
        for (String value : values) {
            buffer.append('\t');
            if (value == null) {
                buffer.append("\\N");
            } else {
                escape(value);
            }
        }
        buffer.append('\n');
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Ends the COPY; returns the rows the server took. */
    long finish() {
        flush();
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot finish the staging COPY: " + firstLine(e), e);
        }
    }

    /** Abandons the COPY, so the connection can roll back. */
    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction rolls back next, which is what matters; cancelling only frees the connection for it
        }
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot stream rows to the staging table: " + firstLine(e), e);
        }
    }

    /** The server's detail lines may quote a row, which may be a person's data. */
    private static String firstLine(SQLException e) {
        String message = DatabaseUrl.safeMessage(e);
        return message.lines().findFirst().orElse(message);
    }
}
