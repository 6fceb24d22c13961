package org.trex.testing;

import java.nio.file.Path;
import java.util.List;
import org.trex.governance.DemoBoard;

/**
 * The board tests approve with: two independent members and one from City Council, the organisation of the shipped
 * specs' requesters, whose signature must never count for them. Two signatures are required.
 */
public final class TestingBoard {
    public static final String CHAIR = "chair";
    public static final String GUARDIAN = "guardian";
    public static final String COUNCIL_MEMBER = "council-member";
    public static final List<DemoBoard.Seat> SEATS = List.of(
            new DemoBoard.Seat(CHAIR, "Dr Test Chair", "Chair", "University of Testing"),
            new DemoBoard.Seat(GUARDIAN, "Test Caldicott Guardian", "Caldicott Guardian", "Testing NHS Trust"),
            new DemoBoard.Seat(COUNCIL_MEMBER, "Council Analyst", "Member", "City Council"));

    private TestingBoard() {
    }

    /** Writes {@code root/governance/board.yaml} and the members' keys under {@code root/board-keys/}. */
    public static DemoBoard create(Path root) {
        return create(root, SEATS);
    }

    public static DemoBoard create(Path root, List<DemoBoard.Seat> seats) {
        return DemoBoard.create(root, "Testing research governance board", 2, seats);
    }
}
