package org.trex.run;

/** A run refused because an output fails the policy's disclosure rule; nothing is published. */
public final class DisclosureException extends RuntimeException {
    public DisclosureException(String message) {
        super(message);
    }
}
