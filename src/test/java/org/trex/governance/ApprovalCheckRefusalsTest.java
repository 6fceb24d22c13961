package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.spec.BoardRegister;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

class ApprovalCheckRefusalsTest {
    private static final String APPROVED_HASH = "a".repeat(64);
    private static final String CURRENT_HASH = "b".repeat(64);
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);

    @TempDir
    static Path root;

    private static DatabaseUrl url;
    private static Approvals approvals;
    private static DemoBoard board;

    @BeforeAll
    static void migrate() {
        url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        // Signed before the expiry dates the cases use, which are behind today's date.
        approvals = new Approvals(url, Clock.fixed(Instant.parse("2025-01-01T09:00:00Z"), ZoneOffset.UTC));
        board = TestingBoard.create(root);
    }

    private static ApprovalSubject subject(String extractId, String planHash) {
        return new ApprovalSubject(extractId, 2, "service-evaluation", "Dr Requester, Research Unit", planHash);
    }

    /** Both independent members sign the statement; the last recorded approval. */
    private static Approval approve(ApprovalSubject subject, String reference, Optional<LocalDate> expiresOn) {
        ApprovalStatement statement = ApprovalStatement.of(subject, reference, expiresOn,
                Optional.of("Outputs stay in the TRE"));
        approvals.sign(statement, board.sign(TestingBoard.CHAIR, statement.bytes()), register());
        return approvals.sign(statement, board.sign(TestingBoard.GUARDIAN, statement.bytes()), register());
    }

    private static Approval revoke(String extractId, String reference, String reason) {
        Approval approval = approvals.history(extractId).stream().filter(a -> a.reference().equals(reference))
                .findFirst().orElseThrow();
        RevocationStatement statement = approval.revocationStatement(reason);
        return approvals.revoke(statement, board.sign(TestingBoard.GUARDIAN, statement.bytes()), register());
    }

    private static BoardRegister register() {
        return board.register();
    }

    @Test
    void approvesThePlanHashTwoMembersSigned() {
        Approval approval = approve(subject("approved", CURRENT_HASH), "IGB-2025-001", Optional.empty());

        ApprovalStatus status = approvals.check(subject("approved", CURRENT_HASH), register(), AS_OF);

        assertThat(status.state()).isEqualTo(ApprovalState.APPROVED);
        SignedApproval signed = status.requireApproved();
        assertThat(signed.approval()).isEqualTo(approval);
        assertThat(signed.tally().signers()).extracting(s -> s.member().id())
                .containsExactly(TestingBoard.CHAIR, TestingBoard.GUARDIAN);
        assertThat(approval.conditions()).contains("Outputs stay in the TRE");
    }

    @Test
    void refusesAnExtractThatWasNeverApproved() {
        ApprovalStatus status = approvals.check(subject("never-approved", CURRENT_HASH), register(), AS_OF);

        assertThat(status.state()).isEqualTo(ApprovalState.NOT_APPROVED);
        assertThat(status.approval()).isEmpty();
        assertThatThrownBy(status::requireApproved)
                .isInstanceOf(NotApprovedException.class)
                .hasMessage("Cannot run extract never-approved: it has no approval; board members sign the statement"
                        + " of plan hash " + CURRENT_HASH + " (trex approve SPEC --reference REF --statement)");
    }

    @Test
    void refusesAPlanThatChangedSinceApproval() {
        approve(subject("changed", APPROVED_HASH), "IGB-2025-002", Optional.empty());

        ApprovalStatus status = approvals.check(subject("changed", CURRENT_HASH), register(), AS_OF);

        assertThat(status.state()).isEqualTo(ApprovalState.CHANGED);
        assertThat(status.message()).isEqualTo("Cannot run extract changed: it changed since approval IGB-2025-002:"
                + " the board approved plan hash " + APPROVED_HASH + " (spec version 2) but the plan hash is now "
                + CURRENT_HASH + "; the spec, policy, SQL or board register changed, so it needs a new approval");
    }

    @Test
    void refusesAnExpiredApprovalFromItsExpiryDate() {
        approve(subject("expired", CURRENT_HASH), "IGB-2025-003", Optional.of(AS_OF));

        assertThat(approvals.check(subject("expired", CURRENT_HASH), register(), AS_OF.minusDays(1)).state())
                .isEqualTo(ApprovalState.APPROVED);
        ApprovalStatus status = approvals.check(subject("expired", CURRENT_HASH), register(), AS_OF);
        assertThat(status.state()).isEqualTo(ApprovalState.EXPIRED);
        assertThat(status.message()).isEqualTo(
                "Cannot run extract expired: approval IGB-2025-003 expired on 2025-06-01 (as of 2025-06-01)");
    }

    @Test
    void refusesABackdatedRunOfAnApprovalExpiredToday() {
        approve(subject("expired-today", CURRENT_HASH), "IGB-2025-013", Optional.of(AS_OF));
        Approvals later = new Approvals(url, Clock.fixed(Instant.parse("2025-07-01T09:00:00Z"), ZoneOffset.UTC));

        ApprovalStatus status = later.check(subject("expired-today", CURRENT_HASH), register(), AS_OF.minusDays(30));

        assertThat(status.state()).isEqualTo(ApprovalState.EXPIRED);
        assertThat(status.message()).isEqualTo("Cannot run extract expired-today: approval IGB-2025-013 expired on "
                + "2025-06-01 (today, 2025-07-01; a run as of 2025-05-02 releases today)");
    }

    @Test
    void refusesARevokedApprovalOnASignedRevocation() {
        approve(subject("revoked", CURRENT_HASH), "IGB-2025-004", Optional.empty());

        Approval revoked = revoke("revoked", "IGB-2025-004", "consent withdrawn");

        ApprovalStatus status = approvals.check(subject("revoked", CURRENT_HASH), register(), AS_OF);
        assertThat(status.state()).isEqualTo(ApprovalState.REVOKED);
        assertThat(status.message()).isEqualTo("Cannot run extract revoked: approval IGB-2025-004 was revoked by"
                + " Test Caldicott Guardian at " + revoked.revocation().orElseThrow().at() + ": consent withdrawn "
                + "(signed by " + register().members().get(1).describe() + ")");
        assertThatThrownBy(() -> revoke("revoked", "IGB-2025-004", "again"))
                .hasMessageStartingWith("Cannot revoke approval IGB-2025-004 of extract revoked: it was already revoked"
                        + " by Test Caldicott Guardian at ");
    }

    @Test
    void aRevocationMustBeSignedByAMember() {
        approve(subject("unsigned-revocation", CURRENT_HASH), "IGB-2025-007", Optional.empty());
        Approval approval = approvals.history("unsigned-revocation").get(0);
        RevocationStatement statement = approval.revocationStatement("not a member");
        var outsider = org.trex.sshsig.SshSignature.sign(org.trex.sshsig.SshSigningKey.generate(),
                org.trex.sshsig.SshSignature.APPROVAL_NAMESPACE, statement.bytes());

        assertThatThrownBy(() -> approvals.revoke(statement, outsider, register()))
                .hasMessageStartingWith("Cannot revoke approval IGB-2025-007 of extract unsigned-revocation: the"
                        + " signature by key " + outsider.key().fingerprint() + " is not a board member's");
        assertThat(approvals.check(subject("unsigned-revocation", CURRENT_HASH), register(), AS_OF).state())
                .isEqualTo(ApprovalState.APPROVED);
    }

    @Test
    void aNewApprovalOfTheSamePlanAppliesAfterARevocation() {
        approve(subject("reapproved", CURRENT_HASH), "IGB-2025-005", Optional.empty());
        revoke("reapproved", "IGB-2025-005", "conditions breached");
        approve(subject("reapproved", CURRENT_HASH), "IGB-2025-006", Optional.empty());

        ApprovalStatus status = approvals.check(subject("reapproved", CURRENT_HASH), register(), AS_OF);

        assertThat(status.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(status.approval().orElseThrow().reference()).isEqualTo("IGB-2025-006");
    }
}
