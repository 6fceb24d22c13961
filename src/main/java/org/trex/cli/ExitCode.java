package org.trex.cli;

/** The exit codes every command uses; documented in the README and in {@code trex --help}. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;
    public static final int NOT_APPROVED = 3;
    public static final int NOTHING_DUE = 4;
    public static final int SOME_FAILED = 5;
    /** {@code objections status}: a deletion notice is past its due date and not done. */
    public static final int NOTICES_OVERDUE = 6;

    private ExitCode() {
    }
}
