package org.trex.governance;

/** How a {@code run --due} pass ended, with the exit code documented for it. */
public enum DueOutcome {
    /** Every due extract this caller took on succeeded. */
    ALL_RAN(0),
    /** At least one due extract failed; it stays due and will be retried on the next pass. */
    SOME_FAILED(5),
    /** Nothing was left for this caller to run: nothing due, or everything due ran or is running elsewhere. */
    NOTHING_DUE(4);

    private final int exitCode;

    DueOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
