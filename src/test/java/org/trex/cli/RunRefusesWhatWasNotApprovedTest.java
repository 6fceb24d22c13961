package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/** {@code trex run} refuses, with exit 3 and nothing written, every extract that is not approved as it stands. */
class RunRefusesWhatWasNotApprovedTest {
    @TempDir
    Path root;

    Workspace workspace;

    @BeforeEach
    void workspace() {
        // The refusal comes before any source row is read, so an empty database is enough.
        workspace = Workspace.create(root, TestDatabase.fresh());
    }

    @Test
    void noApproval() {
        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.NOT_APPROVED);
        assertThat(run.err()).contains("trex: Cannot run extract discharge-delays: it has no approval; "
                + "board members sign the statement of plan hash ");
        assertNothingWritten();
    }

    @Test
    void specChangedAfterApproval() {
        assertThat(workspace.approve("IGB-2026-001").code()).isEqualTo(ExitCode.OK);
        workspace.editSpec("age_at_index: {min: 65}", "age_at_index: {min: 70}");

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.NOT_APPROVED);
        assertThat(run.err())
                .contains("trex: Cannot run extract discharge-delays: it changed since approval IGB-2026-001",
                "the spec, policy, SQL or board register changed, so it needs a new approval");
        assertNothingWritten();
    }

    @Test
    void approvalThatHasAlreadyExpiredIsNotRecorded() {
        // A run's refusal of an approval expired by its as-of date is ApprovalCheckRefusalsTest's: the board cannot
        // sign an expiry that is not after today, so no approval can be made here that is still to expire then.
        Result approve = workspace.approve("IGB-2026-002", "--expires", "2026-06-01");

        assertThat(approve.code()).as(approve.all()).isNotEqualTo(ExitCode.OK);
        assertThat(approve.err()).contains("Cannot record a signature on approval IGB-2026-002 of extract "
                + "discharge-delays: it would expire on 2026-06-01, which is not after today");
        Result run = workspace.run();
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.NOT_APPROVED);
        assertNothingWritten();
    }

    @Test
    void revokedApproval() {
        assertThat(workspace.approve("IGB-2026-003").code()).isEqualTo(ExitCode.OK);
        Result revoke = workspace.revoke(TestingBoard.GUARDIAN, "IGB-2026-003", "Purpose no longer supported");
        assertThat(revoke.code()).as(revoke.all()).isEqualTo(ExitCode.OK);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.NOT_APPROVED);
        assertThat(run.err()).contains("trex: Cannot run extract discharge-delays: approval IGB-2026-003 was revoked by"
                + " Test Caldicott Guardian at ", ": Purpose no longer supported (signed by Test Caldicott Guardian");
        assertNothingWritten();
    }

    @Test
    void oneSignatureOfTwoRequired() {
        assertThat(workspace.sign(TestingBoard.CHAIR, "IGB-2026-004").code()).isEqualTo(ExitCode.OK);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.NOT_APPROVED);
        assertThat(run.err()).contains("trex: Cannot run extract discharge-delays: approval IGB-2026-004 of plan hash ",
                " is not signed by enough board members: 1 of 2 required board member signatures hold (Dr Test Chair");
        assertNothingWritten();
    }

    private void assertNothingWritten() {
        assertThat(Workspace.files(workspace.out)).as("files under --out").isEmpty();
        assertThat(workspace.published()).isEmpty();
    }
}
