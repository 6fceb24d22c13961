package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.sshsig.SshSignature;
import org.trex.testing.ForgedRows;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/** Signatures given to one plan never approve another: not when recorded, and not when copied in with SQL. */
class SignatureOverAnotherPlanHashIsRefusedTest {
    private static final String SIGNED_HASH = "a".repeat(64);
    private static final String OTHER_HASH = "b".repeat(64);
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @TempDir
    Path root;

    private static ApprovalStatement statement(String planHash) {
        return ApprovalStatement.of(new ApprovalSubject("discharge-delays", 1, "service-evaluation",
                "Public Health Intelligence Team, City Council", planHash), "IGB-1", Optional.empty(),
                Optional.empty());
    }

    @Test
    void aSignatureOverAnotherPlanHashIsNotRecorded() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        DemoBoard board = TestingBoard.create(root);
        SshSignature signedOther = board.sign(TestingBoard.CHAIR, statement(SIGNED_HASH).bytes());

        assertThatThrownBy(() -> new Approvals(url).sign(statement(OTHER_HASH), signedOther, board.register()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot record a signature on approval IGB-1 of extract discharge-delays: the"
                        + " signature by Dr Test Chair")
                .hasMessageContaining("does not verify over this statement (plan hash " + OTHER_HASH);
        assertThat(new Approvals(url).history("discharge-delays")).isEmpty();
    }

    @Test
    void signaturesCopiedWithSqlOntoAnotherPlanHashDoNotCount() {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        DemoBoard board = TestingBoard.create(root);
        long forged = ForgedRows.approval(url, "discharge-delays", 1, OTHER_HASH, "IGB-1");
        ForgedRows.signature(url, forged, board.sign(TestingBoard.CHAIR, statement(SIGNED_HASH).bytes()));
        ForgedRows.signature(url, forged, board.sign(TestingBoard.GUARDIAN, statement(SIGNED_HASH).bytes()));

        ApprovalStatus status = new Approvals(url).check(statement(OTHER_HASH).subject(), board.register(), AS_OF);

        assertThat(status.state()).isEqualTo(ApprovalState.UNSIGNED);
        assertThat(status.message()).startsWith("Cannot run extract discharge-delays: approval IGB-1 of plan hash "
                + OTHER_HASH + " is not signed by enough board members: 0 of 2 required board member signatures hold;")
                .contains("the signature by Dr Test Chair", "the signature by Test Caldicott Guardian",
                        "does not verify over this statement (plan hash " + OTHER_HASH);
        assertThatThrownBy(status::requireApproved).isInstanceOf(NotApprovedException.class);
    }
}
