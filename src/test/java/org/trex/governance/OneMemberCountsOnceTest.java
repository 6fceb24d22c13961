package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.sshsig.SshSignature;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/** Two approvals are two people: a member who signs twice counts once, so one member never approves alone. */
class OneMemberCountsOnceTest {
    private static final ApprovalStatement STATEMENT = ApprovalStatement.of(new ApprovalSubject("discharge-delays", 1,
            "service-evaluation", "Public Health Intelligence Team, City Council", "c".repeat(64)), "IGB-2",
            Optional.empty(), Optional.empty());

    @TempDir
    Path root;

    @Test
    void aSecondSignatureBySameMemberIsRefusedAndTheApprovalStaysShort() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        DemoBoard board = TestingBoard.create(root);
        Approvals approvals = new Approvals(url);
        approvals.sign(STATEMENT, board.sign(TestingBoard.CHAIR, STATEMENT.bytes()), board.register());

        assertThatThrownBy(() -> approvals.sign(STATEMENT, board.sign(TestingBoard.CHAIR, STATEMENT.bytes()),
                board.register()))
                .hasMessage("Cannot record a signature on approval IGB-2 of extract discharge-delays: Dr Test Chair has"
                        + " already signed it, and each member counts once");
        ApprovalStatus status = approvals.check(STATEMENT.subject(), board.register(), LocalDate.of(2026, 6, 30));
        assertThat(status.state()).isEqualTo(ApprovalState.UNSIGNED);
        assertThat(status.message()).contains("1 of 2 required board member signatures hold (Dr Test Chair");
    }

    @Test
    void theSameMembersSignatureTwiceCountsOnce() {
        DemoBoard board = TestingBoard.create(root);
        SshSignature chair = board.sign(TestingBoard.CHAIR, STATEMENT.bytes());

        SignatureTally tally = BoardSignatures.count(STATEMENT, List.of(chair.armored(), chair.armored()),
                board.register());

        assertThat(tally.enough()).isFalse();
        assertThat(tally.signers()).extracting(s -> s.member().id()).containsExactly(TestingBoard.CHAIR);
        assertThat(tally.refusals()).containsExactly(
                "a second signature by Dr Test Chair does not count: each member counts once");
    }
}
