package org.trex.source;

/** A host whose clock is too far from the database's for TREx to act on it; the message names both times. */
public final class HostClockException extends RuntimeException {
    public HostClockException(String message) {
        super(message);
    }
}
