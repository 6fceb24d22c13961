package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.generate.SyntheticData;
import org.trex.governance.DemoBoard;
import org.trex.source.DatabaseUrl;
import org.trex.spec.BoardFiles;
import org.trex.spec.BoardRegister;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/**
 * {@code trex verify} without {@code --board} checks the approval against the register the extract names when the
 * governance database adopted it, wherever it is run from, says which register it checked, and when that is not the
 * one the run used, says how to give the right one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyChecksTheRegisterTheExtractNamesTest {
    // Static: an instance field is not injected before @BeforeAll.
    @TempDir
    static Path root;

    DatabaseUrl url;
    Workspace workspace;
    Path extract;
    String runRegister;
    /** The register in the folder the tests run from (the repository's), which is not the run's. */
    BoardRegister here;

    @BeforeAll
    void run() {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 1000, 5);
        workspace = Workspace.create(root.resolve("work"), url);
        assertThat(workspace.approve("IGB-BOARD").code()).isEqualTo(ExitCode.OK);
        Result run = workspace.run();
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCode.OK);
        extract = workspace.published().get(0);
        runRegister = workspace.board.register().sha256();
        here = BoardFiles.load(Path.of(BoardRegister.FILE));
        assertThat(here.sha256()).isNotEqualTo(runRegister);
    }

    @Test
    void withADatabaseTheAdoptedRegisterTheExtractNamesIsUsedNotTheOneInTheCurrentFolder() {
        Result verify = Workspace.trex("verify", extract.toString(), "--database-url", url.jdbcUrl());

        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).contains("BOARD adopted register SHA-256 " + runRegister + " (adopted by ")
                .contains("OK " + extract + ": every check holds");
    }

    @Test
    void aRegisterReplacedSinceTheRunIsStillTheOneChecked() {
        DemoBoard first = workspace.board;
        DemoBoard next = TestingBoard.create(root.resolve("next"));
        Result adopt = Workspace.trex("board", "adopt", next.register().file().toString(), "--sign-with",
                first.keyFile(TestingBoard.CHAIR).toString(), "--sign-with",
                first.keyFile(TestingBoard.GUARDIAN).toString(), "--database-url", url.jdbcUrl());
        assertThat(adopt.code()).as(adopt.all()).isEqualTo(ExitCode.OK);

        Result verify = Workspace.trex("verify", extract.toString(), "--database-url", url.jdbcUrl());

        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).contains("BOARD adopted register SHA-256 " + runRegister + " (");
    }

    @Test
    void aGivenRegisterIsTheOneChecked() {
        Result verify = Workspace.trex("verify", extract.toString(), "--board", workspace.boardFile().toString(),
                "--database-url", url.jdbcUrl());

        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.OK);
        assertThat(verify.out()).contains("BOARD " + workspace.boardFile() + " SHA-256 " + runRegister + "\n");
    }

    @Test
    void withoutADatabaseTheCurrentFoldersRegisterFailsWithHowToGiveTheRightOne() {
        Result verify = Workspace.trex("verify", extract.toString());

        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(verify.out()).contains("BOARD " + BoardRegister.FILE + " SHA-256 " + here.sha256() + "\n")
                .contains("FAIL Cannot verify approval of " + Workspace.EXTRACT + ": the board register "
                        + BoardRegister.FILE + " (SHA-256 " + here.sha256() + ") is not the one the run checked the"
                        + " signatures against (SHA-256 " + runRegister + "); give --board with the register in"
                        + " force when the run was approved, or a --database-url whose governance database adopted"
                        + " it\n");
    }

    @Test
    void aGovernanceDatabaseThatNeverAdoptedItSaysSoAndFallsBackToTheCurrentFolder() {
        Result verify = Workspace.trex("verify", extract.toString(), "--database-url", url.jdbcUrl(),
                "--governance-url", TestDatabase.fresh().jdbcUrl());

        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(verify.out()).contains("BOARD " + BoardRegister.FILE + " SHA-256 " + here.sha256()
                        + " (the governance database adopted no register of SHA-256 " + runRegister
                        + ", the one the extract names)\n")
                .contains("give --board with the register in force when the run was approved");
    }

    @Test
    void aMissingRegisterFileSaysHowToGiveTheRightOne() {
        Path missing = root.resolve("nowhere").resolve("board.yaml");

        Result verify = Workspace.trex("verify", extract.toString(), "--board", missing.toString());

        assertThat(verify.code()).as(verify.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(verify.out()).contains("BOARD " + missing + " unusable\n")
                .contains("FAIL Cannot verify approval of " + Workspace.EXTRACT + ": the board register is unusable: ")
                .contains("; give --board with the register in force when the run was approved, or a --database-url"
                        + " whose governance database adopted it\n");
    }
}
