package org.trex.governance;

import static java.util.Objects.requireNonNull;

import org.trex.plan.ExtractPlan;

/** What an approval is of: one plan of one version of an extract, with the policy and requester it names. */
public record ApprovalSubject(String extractId, int specVersion, String policy, String requester, String planHash) {
    public ApprovalSubject {
        Texts.requireText(extractId, "extract id");
        if (specVersion < 1) {
            throw new IllegalArgumentException("Cannot approve extract " + extractId + ": spec version " + specVersion
                    + " must be 1 or more");
        }
        Texts.requireText(policy, "policy");
        requester = Texts.requireText(requester, "requester").strip();
        Texts.requirePlanHash(planHash);
    }

    public static ApprovalSubject of(ExtractPlan plan) {
        requireNonNull(plan, "plan is null");
        return new ApprovalSubject(plan.spec().id(), plan.spec().version(), plan.policy().id(), plan.spec().requester(),
                plan.planHash());
    }
}
