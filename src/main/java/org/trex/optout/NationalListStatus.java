package org.trex.optout;

/** Whether a run as of a date has a national data opt-out allow list it may use. */
public enum NationalListStatus {
    /** The policy's legal basis exempts the extract: the list is not used. */
    NOT_APPLIED,
    /** An allow list no older than the policy allows exists: records are kept only if on it. */
    CURRENT,
    /** No allow list is dated on or before the as-of date: the run is refused. */
    MISSING,
    /** The newest allow list is older than the policy allows: the run is refused. */
    STALE
}
