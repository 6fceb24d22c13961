package org.trex.governance;

/** Whether an extract may run with its current plan, and if not, why not. */
public enum ApprovalState {
    /** An unexpired, unrevoked approval of the current plan hash has enough valid board member signatures. */
    APPROVED,
    /** The extract has never been approved. */
    NOT_APPROVED,
    /** Approvals exist, but none for the current plan hash: the spec, policy or SQL changed. */
    CHANGED,
    /** An approval of the current plan hash has fewer valid board member signatures than the register requires. */
    UNSIGNED,
    /** The approval for the current plan hash has expired. */
    EXPIRED,
    /** The approval for the current plan hash was revoked. */
    REVOKED
}
