package org.trex.governance;

/** Whether the release register knows whom a released output holds. */
public enum RegisteredPeople {
    /** The register holds the output's people (every aggregate and every output with a person column). */
    KNOWN,
    /**
     * A records output without a person column whose people no other output of its read counted: the register holds
     * none of them, so no deletion notice can tell whether it holds someone.
     */
    UNKNOWN
}
