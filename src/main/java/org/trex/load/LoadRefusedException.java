package org.trex.load;

/**
 * A file that is not what it claims to be, refused before anything is written; the message names file and expectation.
 */
public final class LoadRefusedException extends RuntimeException {
    public LoadRefusedException(String message) {
        super(message);
    }

    public LoadRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
