package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.governance.ApprovalFiles;
import org.trex.testing.SshKeygen;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/**
 * Anyone holding an extract can check who approved it, with the board register alone: one member signs with trex,
 * the other with ssh-keygen, the run checks both, and the extract's approval/ then verifies with
 * {@code ssh-keygen -Y verify} and {@code trex verify} without a database, and fails under a register without one
 * of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractApprovalIsCheckableWithSshKeygenTest {
    @TempDir
    static Path root;

    Workspace workspace;
    Path extract;

    @BeforeAll
    void approveWithTrexAndSshKeygenThenRun() throws Exception {
        workspace = Workspace.create(root, TestDatabase.fresh());
        SyntheticData.generate(workspace.url, 1000, 5);
        assertThat(workspace.sign(TestingBoard.CHAIR, "IGB-SSH").code()).isEqualTo(ExitCode.OK);
        Result printed = Workspace.trex("approve", workspace.spec.toString(), "--reference", "IGB-SSH", "--statement");
        Path statement = Files.writeString(root.resolve("statement.txt"), printed.out());
        SshKeygen.sign(workspace.board.keyFile(TestingBoard.GUARDIAN), statement);
        Result recorded = Workspace.trex("approve", workspace.spec.toString(), "--reference", "IGB-SSH",
                "--signature", root.resolve("statement.txt.sig").toString(), "--database-url", workspace.url.jdbcUrl());
        assertThat(recorded.code()).as(recorded.all()).isEqualTo(ExitCode.OK);
        assertThat(recorded.out()).contains("Signed approval IGB-SSH of discharge-delays v1 by Test Caldicott Guardian",
                "Approved: 2 of 2 required board member signatures hold");
        Result run = workspace.run();
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        extract = workspace.published().get(0);
    }

    @Test
    void sshKeygenVerifiesEverySignatureInTheExtract() throws Exception {
        Result printed = Workspace.trex("board", "allowed-signers", "--board", workspace.boardFile().toString());
        Path allowed = Files.writeString(root.resolve("allowed_signers"), printed.out());
        Path approval = extract.resolve(ApprovalFiles.FOLDER);

        for (String member : List.of(TestingBoard.CHAIR, TestingBoard.GUARDIAN)) {
            SshKeygen.Result verified = SshKeygen.verify(allowed, member, approval.resolve(member + ".sig"),
                    approval.resolve(ApprovalFiles.STATEMENT));
            assertThat(verified.code()).as(verified.output()).isZero();
            assertThat(verified.output()).contains("Good \"trex-approval\" signature for " + member);
        }
        try (Stream<Path> files = Files.list(approval)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("board.yaml.sha256", "chair.sig", "guardian.sig", "statement.txt");
        }
    }

    @Test
    void trexVerifiesTheApprovalWithoutADatabase() {
        Result verify = Workspace.trex("verify", extract.toString(), "--board", workspace.boardFile().toString());

        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.OK);
    }

    @Test
    void theLineageReportNamesTheSignersAndTheirKeys() throws Exception {
        String report = Files.readString(extract.resolve("lineage/report.md"));

        for (var member : workspace.board.register().members().subList(0, 2)) {
            assertThat(report).contains(member.name() + " (`" + member.id() + "`)", member.key().fingerprint());
        }
        assertThat(report).contains("    trex approval v1", "    reference: \"IGB-SSH\"");
    }

    @Test
    void underARegisterWithoutOneSignerTheApprovalNoLongerHolds() throws Exception {
        String yaml = Files.readString(workspace.boardFile());
        int start = yaml.indexOf("  - id: \"" + TestingBoard.GUARDIAN + "\"");
        int end = yaml.indexOf("  - id: ", start + 1);
        Path edited = Files.writeString(root.resolve("board-without-guardian.yaml"),
                yaml.substring(0, start) + yaml.substring(end));

        Result verify = Workspace.trex("verify", extract.toString(), "--board", edited.toString());

        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.FAILURE);
        // Problems are scrubbed as library messages are, so the temporary folder's all-digit name is not shown.
        assertThat(verify.out()).contains("FAIL Cannot verify approval of discharge-delays: the board register ",
                "/board-without-guardian.yaml (SHA-256 ", "is not the one the run checked the signatures against",
                "FAIL Cannot verify approval of discharge-delays: 1 of 2 required board member signatures hold");
    }
}
