package org.trex.governance;

import static java.util.Objects.requireNonNull;

import org.trex.spec.BoardRegister;

/**
 * An approval whose signatures hold under the board register: the recorded approval, the statement the members
 * signed, who signed it, and the register they were checked against. What a run may start on.
 */
public record SignedApproval(Approval approval, ApprovalStatement statement, SignatureTally tally,
        BoardRegister board) {
    public SignedApproval {
        requireNonNull(approval, "approval is null");
        requireNonNull(statement, "statement is null");
        requireNonNull(tally, "tally is null");
        requireNonNull(board, "board is null");
        if (!tally.enough()) {
            throw new IllegalArgumentException("Cannot run under approval " + approval.reference() + ": "
                    + tally.summary());
        }
    }
}
