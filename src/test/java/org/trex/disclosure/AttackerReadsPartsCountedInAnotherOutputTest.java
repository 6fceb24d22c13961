package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.disclosure.ReadyWithCare.DISCHARGES;
import static org.trex.disclosure.ReadyWithCare.NOT_READY;
import static org.trex.disclosure.ReadyWithCare.READY;
import static org.trex.disclosure.ReadyWithCare.UNROUNDED;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * All discharges published in one output, and in another the discharges ready on the day with care and those not
 * ready with care, which count no discharge twice: an attacker who reads both outputs narrows the small suppressed
 * count to what the whole leaves, so the part beside it is suppressed too, also when that output groups them by more
 * dimensions than the whole; only when the parts reach every output.
 */
class AttackerReadsPartsCountedInAnotherOutputTest {
    private static final CellKey NOT_READY_CELL = CellKey.of("flags", "not_ready_with_care", Map.of("sex", "F"));
    private static final List<Cell> CELLS = List.of(
            Cell.count(CellKey.of("summary", "discharges", Map.of("sex", "F")), DISCHARGES, 18),
            Cell.count(CellKey.of("flags", "ready_with_care", Map.of("sex", "F")), READY, 12),
            Cell.count(NOT_READY_CELL, NOT_READY, 4));

    @Test
    void partsInAnotherOutputNarrowTheSmallCount() {
        ProtectedCells result = new CellProtection(UNROUNDED).protect(CELLS, List.of(new PartsOfWhole(DISCHARGES,
                List.of(NOT_READY, READY), PartsOfWhole.Coverage.DISJOINT, PartsOfWhole.Reach.EVERY_OUTPUT)),
                ReleaseHistory.NONE);

        assertThat(result.cells()).extracting(c -> c.key().toString() + " " + c.status()).containsExactly(
                "summary.discharges{sex=F} PUBLISHED",
                "flags.ready_with_care{sex=F} COMPLEMENTARY",
                "flags.not_ready_with_care{sex=F} SMALL_COUNT");
        assertThat(result.cells().get(1).reason()).isEqualTo("protects flags.not_ready_with_care{sex=F}, which an"
                + " attacker could otherwise narrow to [0, 6]");
    }

    @Test
    void partsCountedByMoreDimensionsInAnotherOutputNarrowTheSmallCountToo() {
        CellKey notReady = CellKey.of("flags", "not_ready_with_care", Map.of("sex", "F", "age", "65-74"));
        List<Cell> cells = List.of(
                Cell.count(CellKey.of("summary", "discharges", Map.of("sex", "F")), DISCHARGES, 18),
                Cell.count(CellKey.of("flags", "ready_with_care", Map.of("sex", "F", "age", "65-74")), READY, 12),
                Cell.count(notReady, NOT_READY, 4));

        ProtectedCells result = new CellProtection(UNROUNDED).protect(cells, List.of(new PartsOfWhole(DISCHARGES,
                List.of(NOT_READY, READY), PartsOfWhole.Coverage.DISJOINT, PartsOfWhole.Reach.EVERY_OUTPUT)),
                ReleaseHistory.NONE);

        assertThat(result.count(CellStatus.COMPLEMENTARY)).isOne();
        assertThat(result.intervals().get(notReady).width()).isGreaterThan(UNROUNDED.protectionRange());
    }

    @Test
    void partsOfTheWholesOwnOutputAloneLeaveItWideOpen() {
        ProtectedCells result = new CellProtection(UNROUNDED).protect(CELLS, List.of(new PartsOfWhole(DISCHARGES,
                List.of(NOT_READY, READY), PartsOfWhole.Coverage.DISJOINT)), ReleaseHistory.NONE);

        assertThat(result.count(CellStatus.COMPLEMENTARY)).isZero();
        assertThat(result.intervals().get(NOT_READY_CELL).width()).isGreaterThan(UNROUNDED.protectionRange());
    }
}
