package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.ApprovalStatement;
import org.trex.governance.ApprovalSubject;
import org.trex.governance.GovernanceSchema;
import org.trex.sshsig.SshSignature;
import org.trex.sshsig.SshSigningKey;
import org.trex.testing.ForgedRows;
import org.trex.testing.TestDatabase;

/**
 * Someone who can write to the governance database but holds no board member's key cannot make an approval that
 * {@code trex run} accepts: a row of their own, with or without signatures of their own keys, is refused with exit
 * 3 before anything is read or written.
 */
class ForgedApprovalIsRefusedByRunTest {
    @TempDir
    Path root;

    Workspace workspace;
    ApprovalStatement statement;

    @BeforeEach
    void workspace() throws Exception {
        // The refusal comes before any source row is read, so an empty database is enough.
        workspace = Workspace.create(root, TestDatabase.fresh());
        GovernanceSchema.migrate(workspace.url);
        Result plan = Workspace.trex("plan", workspace.spec.toString(), "--format", "json");
        assertThat(plan.code()).as(plan.all()).isEqualTo(ExitCode.OK);
        String planHash = new ObjectMapper().readTree(plan.out()).path("planHash").asText();
        statement = ApprovalStatement.of(new ApprovalSubject(Workspace.EXTRACT, 1, "service-evaluation",
                "Public Health Intelligence Team, City Council", planHash), "IGB-FORGED", Optional.empty(),
                Optional.empty());
    }

    @Test
    void anApprovalRowWithoutSignatures() {
        ForgedRows.approval(workspace.url, Workspace.EXTRACT, 1, statement.planHash(), "IGB-FORGED");

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.NOT_APPROVED);
        assertThat(run.err()).contains("trex: Cannot run extract discharge-delays: approval IGB-FORGED of plan hash "
                + statement.planHash() + " is not signed by enough board members: 0 of 2 required board member"
                + " signatures hold");
        assertThat(Workspace.files(workspace.out)).isEmpty();
    }

    @Test
    void anApprovalRowSignedByKeysNotOnTheBoard() {
        long forged = ForgedRows.approval(workspace.url, Workspace.EXTRACT, 1, statement.planHash(), "IGB-FORGED");
        SshSignature first = SshSignature.sign(SshSigningKey.generate(), "trex-approval", statement.bytes());
        SshSignature second = SshSignature.sign(SshSigningKey.generate(), "trex-approval", statement.bytes());
        ForgedRows.signature(workspace.url, forged, first);
        ForgedRows.signature(workspace.url, forged, second);

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.NOT_APPROVED);
        assertThat(run.err()).contains("0 of 2 required board member signatures hold",
                "the signature by key " + first.key().fingerprint() + " does not count: that key is not a member's",
                "the signature by key " + second.key().fingerprint() + " does not count: that key is not a member's");
        assertThat(Workspace.files(workspace.out)).isEmpty();
    }

    @Test
    void theForgedRowsCarryTheStatementMembersSign() {
        Result statementPrinted = Workspace.trex("approve", workspace.spec.toString(), "--reference", "IGB-FORGED",
                "--statement");

        // The statement the members signed is the one built here from the plan: the forged rows above used it too.
        assertThat(statementPrinted.out()).isEqualTo(statement.text());
    }
}
