package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

class RequesterCannotApproveTest {
    @Test
    void refusesTheRequesterAsApproverWhateverTheCaseAndSpacing() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        Approvals approvals = new Approvals(url);
        ApprovalRequest request = new ApprovalRequest("discharge-delays", 1, "c".repeat(64), "Jane Analyst",
                "  jane ANALYST ", "IGB-2025-010", Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> approvals.approve(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot approve extract discharge-delays: the approver jane ANALYST is its requester");
        assertThat(approvals.history("discharge-delays")).isEmpty();
        assertThat(new AuditLog(url).list(Optional.empty())).isEmpty();
    }
}
