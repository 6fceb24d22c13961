package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.governance.DemoBoard;
import org.trex.testing.Sql;
import org.trex.testing.SshKeygen;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/**
 * {@code trex board adopted} shows an IG officer which board registers the governance database trusts, newest first,
 * with their members' key fingerprints as ssh-keygen prints them, and adopts nothing, not even on first use.
 */
class BoardAdoptedShowsTheRegistersTheDatabaseTrustsTest {
    @TempDir
    Path root;

    Workspace workspace;

    @BeforeEach
    void workspace() {
        // Nothing here reads a source row, so an empty database is enough.
        workspace = Workspace.create(root.resolve("work"), TestDatabase.fresh());
    }

    private Result adopted() {
        return Workspace.trex("board", "adopted", "--database-url", workspace.url.jdbcUrl());
    }

    @Test
    void nothingAdoptedYetSaysSoAndAdoptsNothing() {
        Result shown = adopted();

        assertThat(shown.code()).as(shown.all()).isEqualTo(ExitCode.OK);
        assertThat(shown.out()).isEqualTo("No board register is adopted yet: the first trex approve or trex run adopts"
                + " the register it reads (on first use), or trex board adopt FILE does\n");
        assertThat(Sql.count(workspace.url, "SELECT count(*) FROM trex_governance.board_register")).isZero();
    }

    @Test
    void theRegistersAreShownNewestFirstWithTheirSignersAndMembers() {
        DemoBoard first = workspace.board;
        assertThat(workspace.sign(TestingBoard.CHAIR, "IGB-1").code()).isEqualTo(ExitCode.OK);
        DemoBoard next = TestingBoard.create(root.resolve("next"));
        Result adopt = Workspace.trex("board", "adopt", next.register().file().toString(), "--sign-with",
                first.keyFile(TestingBoard.CHAIR).toString(), "--sign-with",
                first.keyFile(TestingBoard.GUARDIAN).toString(), "--database-url", workspace.url.jdbcUrl());
        assertThat(adopt.code()).as(adopt.all()).isEqualTo(ExitCode.OK);

        Result shown = adopted();

        assertThat(shown.code()).as(shown.all()).isEqualTo(ExitCode.OK);
        String actor = Actor.current();
        assertThat(shown.out()).startsWith("Board registers adopted, newest first (the first is in force):\n\n"
                + "SHA-256 " + next.register().sha256() + " (in force)\n  adopted ")
                .contains(" by " + actor + " on the signatures of chair: Dr Test Chair (Chair, University of Testing,"
                        + " key " + fingerprint(first, TestingBoard.CHAIR) + "); guardian: Test Caldicott Guardian"
                        + " (Caldicott Guardian, Testing NHS Trust, key " + fingerprint(first, TestingBoard.GUARDIAN)
                        + "), replacing SHA-256 " + first.register().sha256() + "\n"
                        + "  board: Testing research governance board, approvals required: 2\n  members:\n"
                        + "    chair: Dr Test Chair (Chair, University of Testing, key "
                        + fingerprint(next, TestingBoard.CHAIR) + ")\n",
                        "    council-member: Council Analyst (Member, City Council, key "
                        + fingerprint(next, TestingBoard.COUNCIL_MEMBER) + ")\n\n"
                        + "SHA-256 " + first.register().sha256() + "\n  adopted ")
                .contains(" by " + actor + " on first use\n")
                .endsWith("    council-member: Council Analyst (Member, City Council, key "
                        + fingerprint(first, TestingBoard.COUNCIL_MEMBER) + ")\n");
        assertThat(Sql.count(workspace.url, "SELECT count(*) FROM trex_governance.board_register")).isEqualTo(2);
    }

    /** The fingerprint ssh-keygen -l prints for the member's public key file. */
    private static String fingerprint(DemoBoard board, String member) {
        String line = SshKeygen.fingerprint(Path.of(board.keyFile(member) + ".pub"));
        return line.split(" ")[1];
    }
}
