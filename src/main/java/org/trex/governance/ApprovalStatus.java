package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The answer to "may this extract run with this plan as of this date?": the state, the approval it rests on (the
 * approval found for every state but NOT_APPROVED), the approval with its verified signers when APPROVED, and a
 * message saying why.
 */
public record ApprovalStatus(ApprovalState state, String extractId, String planHash, Optional<Approval> approval,
        Optional<SignedApproval> signed, String message) {

    public ApprovalStatus {
        requireNonNull(state, "state is null");
        requireNonNull(extractId, "extractId is null");
        requireNonNull(planHash, "planHash is null");
        requireNonNull(approval, "approval is null");
        requireNonNull(signed, "signed is null");
        requireNonNull(message, "message is null");
        if (approval.isEmpty() != (state == ApprovalState.NOT_APPROVED)) {
            throw new IllegalArgumentException("Cannot make approval status " + state + " of extract " + extractId
                    + ": an approval must be given exactly when one was found");
        }
        if (signed.isPresent() != (state == ApprovalState.APPROVED)) {
            throw new IllegalArgumentException("Cannot make approval status " + state + " of extract " + extractId
                    + ": verified signers must be given exactly when it is approved");
        }
    }

    static ApprovalStatus approved(String extractId, String planHash, SignedApproval signed) {
        Approval approval = signed.approval();
        return new ApprovalStatus(ApprovalState.APPROVED, extractId, planHash, Optional.of(approval),
                Optional.of(signed),
                "Extract " + extractId + " is approved: " + approval.reference() + ", " + signed.tally().summary()
                        + approval.expiresOn().map(date -> ", expires on " + date).orElse(""));
    }

    static ApprovalStatus notApproved(String extractId, String planHash) {
        return refused(ApprovalState.NOT_APPROVED, extractId, planHash, Optional.empty(),
                "it has no approval; board members sign the statement of plan hash " + planHash
                        + " (trex approve SPEC --reference REF --statement)");
    }

    static ApprovalStatus changed(String extractId, String planHash, Approval latest) {
        return refused(ApprovalState.CHANGED, extractId, planHash, Optional.of(latest), "it changed since approval "
                + latest.reference() + ": the board approved plan hash " + latest.planHash() + " (spec version "
                + latest.specVersion() + ") but the plan hash is now " + planHash + "; the spec, policy, SQL or board"
                + " register changed, so it needs a new approval");
    }

    static ApprovalStatus unsigned(String extractId, String planHash, Approval approval, SignatureTally tally) {
        return refused(ApprovalState.UNSIGNED, extractId, planHash, Optional.of(approval), "approval "
                + approval.reference() + " of plan hash " + planHash + " is not signed by enough board members: "
                + tally.summary());
    }

    static ApprovalStatus expired(String extractId, String planHash, Approval approval, LocalDate asOf,
            LocalDate judgedOn) {
        LocalDate expiry = approval.expiresOn().orElseThrow();
        String when = judgedOn.equals(asOf) ? "as of " + asOf
                : "today, " + judgedOn + "; a run as of " + asOf + " releases today";
        return refused(ApprovalState.EXPIRED, extractId, planHash, Optional.of(approval), "approval "
                + approval.reference() + " expired on " + expiry + " (" + when + ")");
    }

    static ApprovalStatus revoked(String extractId, String planHash, Approval approval, String signedBy) {
        Approval.Revocation revocation = approval.revocation().orElseThrow();
        return refused(ApprovalState.REVOKED, extractId, planHash, Optional.of(approval), "approval "
                + approval.reference() + " was revoked by " + revocation.by() + " at " + revocation.at() + ": "
                + revocation.reason() + " (" + signedBy + ")");
    }

    private static ApprovalStatus refused(ApprovalState state, String extractId, String planHash,
            Optional<Approval> approval, String why) {
        return new ApprovalStatus(state, extractId, planHash, approval, Optional.empty(),
                "Cannot run extract " + extractId + ": " + why);
    }

    /** The approval with its verified signers to run under, or a {@link NotApprovedException} carrying this message. */
    public SignedApproval requireApproved() {
        if (state != ApprovalState.APPROVED) {
            throw new NotApprovedException(this);
        }
        return signed.orElseThrow();
    }
}
