package org.trex.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.spec.BoardFiles;
import org.trex.spec.BoardRegister;
import org.trex.testing.TestDatabase;
import org.trex.testing.TestingBoard;

/**
 * A member taken off the register (the board adopting the register without them) no longer counts, even for a
 * statement they signed while on it.
 */
class RemovedMemberNoLongerCountsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final ApprovalStatement STATEMENT = ApprovalStatement.of(new ApprovalSubject("discharge-delays", 1,
            "service-evaluation", "Public Health Intelligence Team, City Council", "d".repeat(64)), "IGB-3",
            Optional.empty(), Optional.empty());

    @TempDir
    Path root;

    @Test
    void theRemovedMembersSignatureStopsCounting() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        GovernanceSchema.migrate(url);
        DemoBoard board = TestingBoard.create(root);
        Approvals approvals = new Approvals(url);
        approvals.sign(STATEMENT, board.sign(TestingBoard.CHAIR, STATEMENT.bytes()), board.register());
        approvals.sign(STATEMENT, board.sign(TestingBoard.GUARDIAN, STATEMENT.bytes()), board.register());
        assertThat(approvals.check(STATEMENT.subject(), board.register(), AS_OF).state())
                .isEqualTo(ApprovalState.APPROVED);

        BoardRegister without = withoutMember(board.register(), TestingBoard.GUARDIAN);
        BoardAdoptions adoptions = new BoardAdoptions(url, Clock.systemUTC());
        byte[] adoption = adoptions.statement(without).bytes();
        adoptions.adopt(without, List.of(board.sign(TestingBoard.CHAIR, adoption),
                board.sign(TestingBoard.GUARDIAN, adoption)), "board secretary");
        ApprovalStatus status = approvals.check(STATEMENT.subject(), without, AS_OF);

        assertThat(without.sha256()).isNotEqualTo(board.register().sha256());
        assertThat(status.state()).isEqualTo(ApprovalState.UNSIGNED);
        assertThat(status.message()).contains("1 of 2 required board member signatures hold (Dr Test Chair",
                "the signature by key " + board.register().members().get(1).key().fingerprint()
                        + " does not count: that key is not a member's in the board register");
    }

    /** The register file rewritten without one member's entry, as a board secretary would edit it. */
    private static BoardRegister withoutMember(BoardRegister register, String id) throws Exception {
        String yaml = Files.readString(register.file());
        int start = yaml.indexOf("  - id: \"" + id + "\"");
        int end = yaml.indexOf("  - id: ", start + 1);
        Path edited = register.file().resolveSibling("board-without-" + id + ".yaml");
        Files.writeString(edited, yaml.substring(0, start) + (end < 0 ? "" : yaml.substring(end)));
        return BoardFiles.load(edited);
    }
}
