package org.trex.governance;

/** Where a deletion notice stands on a date. */
public enum NoticeStatus {
    /** Issued, not yet done, not yet due. */
    OPEN,
    /** Issued, not done, and its due date has passed. */
    OVERDUE,
    /** The TRE said the rows were deleted. */
    DONE
}
