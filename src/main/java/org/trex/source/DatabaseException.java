package org.trex.source;

/** A database that cannot be reached or used; messages name the redacted URL, never row data. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(String message) {
        super(message);
    }
}
