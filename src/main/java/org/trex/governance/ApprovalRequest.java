package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import org.trex.spec.ExtractSpec;

/** A board's decision to approve one plan of an extract, as it is to be recorded. */
public record ApprovalRequest(
        String extractId,
        int specVersion,
        String planHash,
        String requester,
        String approver,
        String reference,
        Optional<LocalDate> expiresOn,
        Optional<String> conditions) {

    public ApprovalRequest {
        Texts.requireText(extractId, "extract id");
        if (specVersion < 1) {
            throw new IllegalArgumentException("Cannot approve extract " + extractId + ": spec version "
                    + specVersion + " must be 1 or more");
        }
        Texts.requirePlanHash(planHash);
        requester = Texts.requireText(requester, "requester").strip();
        approver = Texts.requireText(approver, "approver").strip();
        reference = Texts.requireText(reference, "reference").strip();
        requireNonNull(expiresOn, "expiresOn is null");
        requireNonNull(conditions, "conditions is null");
        conditions = conditions.map(String::strip).filter(text -> !text.isEmpty());
    }

    /** A request for the spec's id, version and requester and the plan hash the planner computed for it. */
    public static ApprovalRequest of(ExtractSpec spec, String planHash, String approver, String reference,
            Optional<LocalDate> expiresOn, Optional<String> conditions) {
        requireNonNull(spec, "spec is null");
        return new ApprovalRequest(spec.id(), spec.version(), planHash, spec.requester(), approver, reference,
                expiresOn, conditions);
    }
}
