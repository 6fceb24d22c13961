package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

class ApprovalCheckRefusalsTest {
    private static final String APPROVED_HASH = "a".repeat(64);
    private static final String CURRENT_HASH = "b".repeat(64);
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);

    private static Approvals approvals;

    @BeforeAll
    static void migrate() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        approvals = new Approvals(url);
    }

    private static ApprovalRequest request(String extractId, String planHash, String reference,
            Optional<LocalDate> expiresOn) {
        return new ApprovalRequest(extractId, 2, planHash, "Dr Requester", "Board Chair", reference, expiresOn,
                Optional.of("Outputs stay in the TRE"));
    }

    @Test
    void approvesTheApprovedPlanHash() {
        Approval approval = approvals.approve(request("approved", CURRENT_HASH, "IGB-2025-001", Optional.empty()));

        ApprovalStatus status = approvals.check("approved", CURRENT_HASH, AS_OF);

        assertThat(status.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(status.requireApproved()).isEqualTo(approval);
        assertThat(approval.conditions()).contains("Outputs stay in the TRE");
    }

    @Test
    void refusesAnExtractThatWasNeverApproved() {
        ApprovalStatus status = approvals.check("never-approved", CURRENT_HASH, AS_OF);

        assertThat(status.state()).isEqualTo(ApprovalState.NOT_APPROVED);
        assertThat(status.approval()).isEmpty();
        assertThatThrownBy(status::requireApproved)
                .isInstanceOf(NotApprovedException.class)
                .hasMessage("Cannot run extract never-approved: it has no approval; record the board's decision"
                        + " against plan hash " + CURRENT_HASH);
    }

    @Test
    void refusesAPlanThatChangedSinceApproval() {
        approvals.approve(request("changed", APPROVED_HASH, "IGB-2025-002", Optional.empty()));

        ApprovalStatus status = approvals.check("changed", CURRENT_HASH, AS_OF);

        assertThat(status.state()).isEqualTo(ApprovalState.CHANGED);
        assertThat(status.message()).isEqualTo("Cannot run extract changed: it changed since approval IGB-2025-002:"
                + " the board approved plan hash " + APPROVED_HASH + " (spec version 2) but the plan hash is now "
                + CURRENT_HASH + "; the spec, policy or SQL changed, so it needs a new approval");
    }

    @Test
    void refusesAnExpiredApprovalFromItsExpiryDate() {
        approvals.approve(request("expired", CURRENT_HASH, "IGB-2025-003", Optional.of(AS_OF)));

        assertThat(approvals.check("expired", CURRENT_HASH, AS_OF.minusDays(1)).state())
                .isEqualTo(ApprovalState.APPROVED);
        ApprovalStatus status = approvals.check("expired", CURRENT_HASH, AS_OF);
        assertThat(status.state()).isEqualTo(ApprovalState.EXPIRED);
        assertThat(status.message()).isEqualTo(
                "Cannot run extract expired: approval IGB-2025-003 expired on 2025-06-01 (as of 2025-06-01)");
    }

    @Test
    void refusesARevokedApproval() {
        approvals.approve(request("revoked", CURRENT_HASH, "IGB-2025-004", Optional.empty()));

        Approval revoked = approvals.revoke("revoked", "IGB-2025-004", "Caldicott Guardian", "consent withdrawn");

        ApprovalStatus status = approvals.check("revoked", CURRENT_HASH, AS_OF);
        assertThat(status.state()).isEqualTo(ApprovalState.REVOKED);
        assertThat(status.message()).isEqualTo("Cannot run extract revoked: approval IGB-2025-004 was revoked by"
                + " Caldicott Guardian at " + revoked.revocation().orElseThrow().at() + ": consent withdrawn");
        assertThatThrownBy(() -> approvals.revoke("revoked", "IGB-2025-004", "Someone", "again"))
                .hasMessageStartingWith("Cannot revoke approval IGB-2025-004 of extract revoked: it was already revoked"
                        + " by Caldicott Guardian at ");
    }

    @Test
    void aNewApprovalOfTheSamePlanAppliesAfterARevocation() {
        approvals.approve(request("reapproved", CURRENT_HASH, "IGB-2025-005", Optional.empty()));
        approvals.revoke("reapproved", "IGB-2025-005", "Caldicott Guardian", "conditions breached");
        approvals.approve(request("reapproved", CURRENT_HASH, "IGB-2025-006", Optional.empty()));

        ApprovalStatus status = approvals.check("reapproved", CURRENT_HASH, AS_OF);

        assertThat(status.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(status.approval().orElseThrow().reference()).isEqualTo("IGB-2025-006");
    }
}
