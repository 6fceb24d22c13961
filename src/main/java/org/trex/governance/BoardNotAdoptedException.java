package org.trex.governance;

/**
 * A board register that is not the one the governance database adopted: nothing may be approved or run under it,
 * since whoever can write a spec folder could have listed their own keys. The CLI maps it to exit code 3.
 */
public final class BoardNotAdoptedException extends RuntimeException {
    public BoardNotAdoptedException(String message) {
        super(message);
    }
}
