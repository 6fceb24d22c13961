package org.trex.optout;

/** A national data opt-out file refused, as {@code file:line: Cannot ...}; it never quotes an NHS number. */
public final class NationalCheckFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public NationalCheckFileException(String message) {
        super(message);
    }
}
