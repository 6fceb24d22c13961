package org.trex.pseudonym;

/** A pseudonymisation key that cannot be used; the message never holds key material. */
public final class KeyException extends RuntimeException {
    public KeyException(String message) {
        super(message);
    }
}
