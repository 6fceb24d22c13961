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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Jane  Analyst", "Jane\tAnalyst", "Jane\u00a0Analyst",
        "Jane Analyst.", "Jan\u0435 Analyst", "\uff2aane Analyst", "Jane-Analyst"})
    void refusesTheRequesterUnderANameThatOnlyLooksDifferent(String approver) {
        // Refused before the governance database is reached.
        Approvals approvals = new Approvals(new DatabaseUrl("jdbc:postgresql://127.0.0.1:1/never-reached"));
        ApprovalRequest request = new ApprovalRequest("discharge-delays", 1, "c".repeat(64), "Jane Analyst",
                approver, "IGB-2025-011", Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> approvals.approve(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(" is its requester");
    }

    @Test
    void refusesAnApprovalThatExpiresTodayOrBefore() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-06-30T10:00:00Z"), java.time.ZoneOffset.UTC);
        Approvals approvals = new Approvals(new DatabaseUrl("jdbc:postgresql://127.0.0.1:1/never-reached"), clock);
        ApprovalRequest request = new ApprovalRequest("discharge-delays", 1, "c".repeat(64), "Jane Analyst",
                "Information Governance Board", "IGB-2025-012", Optional.of(java.time.LocalDate.of(2026, 6, 30)),
                Optional.empty());

        assertThatThrownBy(() -> approvals.approve(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot approve extract discharge-delays: it would expire on 2026-06-30, which is not after "
                        + "today (2026-06-30)");
    }
}
