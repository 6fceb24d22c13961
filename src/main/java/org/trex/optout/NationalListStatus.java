package org.trex.optout;

/** Whether the national data opt-out could be checked on the as-of date. */
public enum NationalListStatus {
    /** The policy's legal basis exempts the extract: the list is not used. */
    NOT_APPLIED,
    /** A list no older than the policy allows exists: records are checked against it. */
    CURRENT,
    /** No list exists on or before the as-of date: nobody can be checked. */
    MISSING,
    /** The latest list is older than the policy allows: nobody can be checked. */
    STALE
}
