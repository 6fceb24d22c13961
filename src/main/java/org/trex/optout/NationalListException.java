package org.trex.optout;

/** A run refused because the national data opt-out allow list is missing or older than the policy allows. */
public final class NationalListException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NationalListException(String message) {
        super(message);
    }
}
