package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.AuditAction;
import org.trex.governance.AuditLog;
import org.trex.governance.DemoBoard;
import org.trex.spec.BoardRegister;
import org.trex.testing.SshKeygen;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/**
 * Whoever can write the spec folder cannot approve their own extract by listing their own keys in the board register
 * beside it: the first approval adopts the register and prints its SHA-256, and approve and run then refuse any other
 * until members of the adopted register sign its adoption with {@code trex board adopt}.
 */
class BoardRegisterBesideTheSpecMustBeTheAdoptedOneTest {
    @TempDir
    Path root;

    Workspace workspace;
    String adoptedSha256;

    @BeforeEach
    void approveOnceAdoptingTheRegister() {
        // Every refusal comes before any source row is read, so an empty database is enough.
        workspace = Workspace.create(root.resolve("work"), TestDatabase.fresh());
        adoptedSha256 = workspace.board.register().sha256();

        Result first = workspace.sign(TestingBoard.CHAIR, "IGB-1");

        assertThat(first.code()).as(first.all()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).contains("Adopted board register ", " on first use: SHA-256 " + adoptedSha256);
        Result second = workspace.sign(TestingBoard.GUARDIAN, "IGB-1");
        assertThat(second.out()).doesNotContain("Adopted board register");
    }

    @Test
    void aRegisterListingOtherKeysCannotApprove() {
        DemoBoard own = swapInAnotherRegister();

        Result approve = Workspace.trex("approve", workspace.spec.toString(), "--reference", "SELF-1", "--sign-with",
                own.keyFile(TestingBoard.CHAIR).toString(), "--database-url", workspace.url.jdbcUrl());

        assertThat(approve.code()).as(approve.all()).isEqualTo(ExitCode.NOT_APPROVED);
        assertThat(approve.err()).contains("trex: Cannot approve extract discharge-delays: board register ",
                " has SHA-256 " + own.register().sha256() + ", but the governance database's adopted register has"
                        + " SHA-256 " + adoptedSha256, "trex board adopt ");
        // The board would want to know of a register that tried: the refusal is in the audit log, by the key.
        assertThat(new AuditLog(workspace.url).list(Optional.empty())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.APPROVE_REFUSED);
            assertThat(entry.details()).contains("SELF-1", "board register ");
        });
    }

    @Test
    void aSwappedRegisterCannotRun() {
        swapInAnotherRegister();

        Result run = workspace.run();

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.NOT_APPROVED);
        assertThat(run.err()).contains("trex: Cannot run extract discharge-delays: board register ",
                "but the governance database's adopted register has SHA-256 " + adoptedSha256);
        assertThat(Workspace.files(workspace.out)).as("files under --out").isEmpty();
    }

    @Test
    void aRegisterTheAdoptedMembersSignedIsAdoptedAndApprovesWithItsOwnMembers() throws Exception {
        DemoBoard next = TestingBoard.create(root.resolve("next"));
        Path nextFile = next.register().file();
        Result statement = Workspace.trex("board", "adopt", nextFile.toString(), "--statement", "--database-url",
                workspace.url.jdbcUrl());
        assertThat(statement.code()).as(statement.all()).isEqualTo(ExitCode.OK);
        assertThat(statement.out()).startsWith("trex board adoption v1\n")
                .contains("register-sha256: " + next.register().sha256(), "replaces-sha256: " + adoptedSha256);
        Path text = Files.writeString(root.resolve("adoption.txt"), statement.out());
        SshKeygen.sign(workspace.board.keyFile(TestingBoard.CHAIR), text);

        Result tooFew = adopt(nextFile, "--signature", text + ".sig");
        assertThat(tooFew.code()).as(tooFew.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(tooFew.err()).contains("1 of 2 required board member signatures hold (Dr Test Chair");
        assertThat(new AuditLog(workspace.url).list(Optional.empty())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.BOARD_ADOPT_REFUSED);
            assertThat(entry.details()).contains(next.register().sha256(), "1 of 2 required board member signatures",
                    workspace.board.register().members().stream().filter(m -> m.id().equals(TestingBoard.CHAIR))
                            .findFirst().orElseThrow().key().fingerprint());
        });

        Result adopted = adopt(nextFile, "--signature", text + ".sig", "--sign-with",
                workspace.board.keyFile(TestingBoard.GUARDIAN).toString());
        assertThat(adopted.code()).as(adopted.all()).isEqualTo(ExitCode.OK);
        assertThat(adopted.out()).contains("Adopted board register " + nextFile, "SHA-256 " + next.register().sha256());

        Files.copy(nextFile, workspace.boardFile(), StandardCopyOption.REPLACE_EXISTING);
        Result approve = Workspace.trex("approve", workspace.spec.toString(), "--reference", "IGB-2", "--sign-with",
                next.keyFile(TestingBoard.CHAIR).toString(), "--database-url", workspace.url.jdbcUrl());
        assertThat(approve.code()).as(approve.all()).isEqualTo(ExitCode.OK);
    }

    private Result adopt(Path file, String... signing) {
        String[] args = new String[signing.length + 5];
        args[0] = "board";
        args[1] = "adopt";
        args[2] = file.toString();
        System.arraycopy(signing, 0, args, 3, signing.length);
        args[signing.length + 3] = "--database-url";
        args[signing.length + 4] = workspace.url.jdbcUrl();
        return Workspace.trex(args);
    }

    /** The workspace's register replaced by one listing freshly made keys, as someone with the spec folder could. */
    private DemoBoard swapInAnotherRegister() {
        DemoBoard own = TestingBoard.create(root.resolve("own"));
        try {
            Files.copy(own.register().file(), workspace.root.resolve(BoardRegister.FILE),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return own;
    }
}
