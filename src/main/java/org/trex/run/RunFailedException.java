package org.trex.run;

/** A run that started and failed; its message is scrubbed of anything that could identify a person. */
public final class RunFailedException extends RuntimeException {
    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
