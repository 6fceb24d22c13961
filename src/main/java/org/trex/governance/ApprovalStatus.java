package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The answer to "may this extract run with this plan as of this date?": the state, the approval it
 * rests on (the approval found for every state but NOT_APPROVED) and a message saying why.
 */
public record ApprovalStatus(ApprovalState state, String extractId, String planHash, Optional<Approval> approval,
        String message) {

    public ApprovalStatus {
        requireNonNull(state, "state is null");
        requireNonNull(extractId, "extractId is null");
        requireNonNull(planHash, "planHash is null");
        requireNonNull(approval, "approval is null");
        requireNonNull(message, "message is null");
        if (approval.isEmpty() != (state == ApprovalState.NOT_APPROVED)) {
            throw new IllegalArgumentException("Cannot make approval status " + state + " of extract " + extractId
                    + ": an approval must be given exactly when one was found");
        }
    }

    static ApprovalStatus approved(String extractId, String planHash, Approval approval) {
        return new ApprovalStatus(ApprovalState.APPROVED, extractId, planHash, Optional.of(approval),
                "Extract " + extractId + " is approved: " + approval.reference() + " by " + approval.approver()
                        + " on " + approval.approvedAt()
                        + approval.expiresOn().map(date -> ", expires on " + date).orElse(""));
    }

    static ApprovalStatus notApproved(String extractId, String planHash) {
        return new ApprovalStatus(ApprovalState.NOT_APPROVED, extractId, planHash, Optional.empty(),
                refusal(extractId, "it has no approval; record the board's decision against plan hash " + planHash));
    }

    static ApprovalStatus changed(String extractId, String planHash, Approval latest) {
        return new ApprovalStatus(ApprovalState.CHANGED, extractId, planHash, Optional.of(latest),
                refusal(extractId, "it changed since approval " + latest.reference() + ": the board approved plan hash "
                        + latest.planHash() + " (spec version " + latest.specVersion() + ") but the plan hash is now "
                        + planHash + "; the spec, policy or SQL changed, so it needs a new approval"));
    }

    static ApprovalStatus expired(String extractId, String planHash, Approval approval, LocalDate asOf) {
        LocalDate expiry = approval.expiresOn().orElseThrow();
        return new ApprovalStatus(ApprovalState.EXPIRED, extractId, planHash, Optional.of(approval),
                refusal(extractId, "approval " + approval.reference() + " expired on " + expiry + " (as of " + asOf
                        + ")"));
    }

    static ApprovalStatus revoked(String extractId, String planHash, Approval approval) {
        Approval.Revocation revocation = approval.revocation().orElseThrow();
        return new ApprovalStatus(ApprovalState.REVOKED, extractId, planHash, Optional.of(approval),
                refusal(extractId, "approval " + approval.reference() + " was revoked by " + revocation.by() + " at "
                        + revocation.at() + ": " + revocation.reason()));
    }

    private static String refusal(String extractId, String why) {
        return "Cannot run extract " + extractId + ": " + why;
    }

    /** The approval to run under, or a {@link NotApprovedException} carrying this status's message. */
    public Approval requireApproved() {
        if (state != ApprovalState.APPROVED) {
            throw new NotApprovedException(this);
        }
        return approval.orElseThrow();
    }
}
