package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.ForgedRows;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/** A board member from the requester's organisation cannot approve: their signature is refused and never counts. */
class RequesterOrganisationCannotApproveTest {
    @TempDir
    Path root;

    private static ApprovalStatement statement(String requester) {
        return ApprovalStatement.of(new ApprovalSubject("discharge-delays", 1, "service-evaluation", requester,
                "e".repeat(64)), "IGB-4", Optional.empty(), Optional.empty());
    }

    @Test
    void theRequestersOrganisationsSignatureIsRefusedWhateverTheCaseSpacingAndPunctuation() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        DemoBoard board = TestingBoard.create(root);
        Approvals approvals = new Approvals(url);

        for (String requester : new String[] {"Public Health Intelligence Team, City Council",
                "public health team,  CITY\tcouncil.", "City\u00a0Council"}) {
            ApprovalStatement statement = statement(requester);
            assertThatThrownBy(() -> approvals.sign(statement,
                    board.sign(TestingBoard.COUNCIL_MEMBER, statement.bytes()), board.register()))
                    .as(requester)
                    .hasMessageStartingWith("Cannot record a signature on approval IGB-4 of extract discharge-delays:"
                            + " the signature by Council Analyst (Member, City Council, key SHA256:")
                    .hasMessageEndingWith("does not count: City Council is the requester's organisation");
        }
        assertThat(approvals.history("discharge-delays")).isEmpty();
    }

    @Test
    void aSignatureOfTheRequestersOrganisationInsertedWithSqlDoesNotCount() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        DemoBoard board = TestingBoard.create(root);
        ApprovalStatement statement = statement("Adult Social Care Performance Team, City Council");
        long forged = ForgedRows.approval(url, "discharge-delays", 1, statement.planHash(), "IGB-4");
        ForgedRows.signature(url, forged, board.sign(TestingBoard.CHAIR, statement.bytes()));
        ForgedRows.signature(url, forged, board.sign(TestingBoard.COUNCIL_MEMBER, statement.bytes()));

        ApprovalStatus status = new Approvals(url)
                .check(statement.subject(), board.register(), LocalDate.of(2026, 6, 30));

        assertThat(status.state()).isEqualTo(ApprovalState.UNSIGNED);
        assertThat(status.message()).contains("1 of 2 required board member signatures hold (Dr Test Chair",
                "City Council is the requester's organisation");
    }

    @Test
    void anOrganisationWhoseNameOnlyOverlapsTheRequestersMayApprove() {
        DemoBoard board = TestingBoard.create(root);

        assertThat(board.register().members().get(2).organisationRequested("Cityscape Councillors' Office")).isFalse();
        assertThat(board.register().members().get(2).organisationRequested("Team, City Council")).isTrue();
    }
}
