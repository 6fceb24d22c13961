package org.trex.run;

import static java.util.Objects.requireNonNull;

/**
 * A run that failed, or a command a signal stopped before its run started; its message is scrubbed of anything that
 * could identify a person.
 */
public final class RunFailedException extends RuntimeException {
    /** Who tells the user why the run failed. */
    public enum Told {
        /** The command's error line, as for any failure. */
        BY_THE_COMMAND,
        /** The shutdown hook of a process being stopped, which the JVM waits for, as it does not for the command. */
        BY_SHUTDOWN
    }

    private final Told told;

    public RunFailedException(String message, Throwable cause, Told told) {
        super(message, cause);
        this.told = requireNonNull(told, "told is null");
    }

    public Told told() {
        return told;
    }
}
