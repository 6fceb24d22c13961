package org.trex.disclosure;

/** Disclosure control cannot make an output safe to publish; nothing is published. */
public final class DisclosureRefusedException extends RuntimeException {
    public DisclosureRefusedException(String message) {
        super(message);
    }
}
