package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.sshsig.SshSignature;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/**
 * A signature the register refuses, on an approval or on its revocation, is audited with why, by the member whose key
 * signed, else by the key's fingerprint: the board learns that a key tried, not only what was signed.
 */
class RefusedSignaturesAreAuditedTest {
    private static final ApprovalStatement STATEMENT = ApprovalStatement.of(new ApprovalSubject("discharge-delays", 1,
            "service-evaluation", "Public Health Intelligence Team, City Council", "d".repeat(64)), "IGB-3",
            Optional.empty(), Optional.empty());

    @TempDir
    Path root;

    private DatabaseUrl url;
    private DemoBoard board;
    private DemoBoard strangers;

    @BeforeEach
    void boardAndStrangers() {
        url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        board = TestingBoard.create(root.resolve("board"));
        strangers = TestingBoard.create(root.resolve("strangers"));
    }

    @Test
    void aKeyThatIsNoMembersIsAuditedByItsFingerprint() {
        SshSignature stranger = strangers.sign(TestingBoard.CHAIR, STATEMENT.bytes());

        assertThatThrownBy(() -> new Approvals(url).sign(STATEMENT, stranger, board.register()))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(new AuditLog(url).list(AuditAction.APPROVE_REFUSED)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("key " + stranger.key().fingerprint());
            assertThat(entry.extractId()).contains("discharge-delays");
            assertThat(entry.details()).contains("\"reference\":\"IGB-3\"", "\"plan_hash\":\"" + "d".repeat(64),
                    "\"key_fingerprint\":\"" + stranger.key().fingerprint(),
                    "\"refusal\":\"Cannot record a signature on approval IGB-3 of extract discharge-delays: the"
                            + " signature by key " + stranger.key().fingerprint() + " does not count: that key is not"
                            + " a member's in the board register");
        });
        assertThat(new Approvals(url).history("discharge-delays")).isEmpty();
        assertThat(new AuditLog(url).list(AuditAction.APPROVE)).isEmpty();
    }

    @Test
    void aMemberSigningTwiceIsAuditedByTheirId() {
        Approvals approvals = new Approvals(url);
        approvals.sign(STATEMENT, board.sign(TestingBoard.CHAIR, STATEMENT.bytes()), board.register());

        assertThatThrownBy(() -> approvals.sign(STATEMENT, board.sign(TestingBoard.CHAIR, STATEMENT.bytes()),
                board.register())).hasMessageContaining("has already signed it");

        assertThat(new AuditLog(url).list(AuditAction.APPROVE_REFUSED)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(TestingBoard.CHAIR);
            assertThat(entry.details()).contains("Dr Test Chair has already signed it, and each member counts once");
        });
        assertThat(new AuditLog(url).list(AuditAction.APPROVE)).hasSize(1);
    }

    @Test
    void aRevocationByAKeyThatIsNoMembersIsAudited() {
        Approvals approvals = new Approvals(url);
        Approval approval = approvals.sign(STATEMENT, board.sign(TestingBoard.CHAIR, STATEMENT.bytes()),
                board.register());
        RevocationStatement revocation = approval.revocationStatement("Withdrawn by the board");
        SshSignature stranger = strangers.sign(TestingBoard.CHAIR, revocation.bytes());

        assertThatThrownBy(() -> approvals.revoke(revocation, stranger, board.register()))
                .hasMessage("Cannot revoke approval IGB-3 of extract discharge-delays: the signature by key "
                        + stranger.key().fingerprint() + " is not a board member's");

        assertThat(new AuditLog(url).list(AuditAction.REVOKE_REFUSED)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("key " + stranger.key().fingerprint());
            assertThat(entry.details()).contains("is not a board member's");
        });
        assertThat(approvals.history("discharge-delays").get(0).revocation()).isEmpty();
    }

    @Test
    void aMembersRevocationOverAnotherReasonIsToldSo() {
        Approvals approvals = new Approvals(url);
        Approval approval = approvals.sign(STATEMENT, board.sign(TestingBoard.CHAIR, STATEMENT.bytes()),
                board.register());
        RevocationStatement revocation = approval.revocationStatement("Withdrawn by the board");
        SshSignature otherReason = board.sign(TestingBoard.CHAIR,
                approval.revocationStatement("Another reason").bytes());

        assertThatThrownBy(() -> approvals.revoke(revocation, otherReason, board.register()))
                .hasMessageStartingWith("Cannot revoke approval IGB-3 of extract discharge-delays: the signature by"
                        + " Dr Test Chair (")
                .hasMessageEndingWith(" is not over this revocation statement; it was made over another statement"
                        + " (another reason, reference or plan hash): sign the statement trex revoke prints for these"
                        + " options");
        assertThat(new AuditLog(url).list(AuditAction.REVOKE_REFUSED)).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(TestingBoard.CHAIR));
    }
}
