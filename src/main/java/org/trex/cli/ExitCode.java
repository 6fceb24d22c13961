package org.trex.cli;

/** The exit codes every command uses; documented in the README and in {@code trex --help}. */
public final class ExitCode {
    public static final int OK = 0;
    /**
     * What the machine or the data did, not what the user typed: a run that failed, or was refused for a missing or
     * stale opt-out list, for leaving out every record, for a full disk under {@code --out} or for a host clock far
     * from the database's; verification failed.
     */
    public static final int FAILURE = 1;
    /** What the user typed or wrote: a bad option, spec, key or run ID, an {@code --out} that is no folder. */
    public static final int BAD_INPUT = 2;
    public static final int NOT_APPROVED = 3;
    public static final int NOTHING_DUE = 4;
    public static final int SOME_FAILED = 5;
    /** {@code objections status}: a deletion notice is past its due date and not done. */
    public static final int NOTICES_OVERDUE = 6;

    private ExitCode() {
    }
}
