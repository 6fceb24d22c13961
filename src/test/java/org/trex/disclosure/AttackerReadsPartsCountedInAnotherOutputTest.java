package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * All discharges published in one output, and in another the discharges ready on the day with care and those not
 * ready with care, which count no discharge twice: an attacker who reads both outputs narrows the small suppressed
 * count to what the whole leaves, so the part beside it is suppressed too; only when the parts reach every output.
 */
class AttackerReadsPartsCountedInAnotherOutputTest {
    /** Threshold 7, no rounding, protection range 7. */
    private static final DisclosureRules UNROUNDED = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1);

    private static final Quantity DISCHARGES = new Quantity("records of inpatient_spell", Additivity.EXACT);
    private static final Quantity READY =
            new Quantity("records of inpatient_spell where ready_with_care", Additivity.EXACT);
    private static final Quantity NOT_READY =
            new Quantity("records of inpatient_spell where not_ready_with_care", Additivity.EXACT);

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
    void partsOfTheWholesOwnOutputAloneLeaveItWideOpen() {
        ProtectedCells result = new CellProtection(UNROUNDED).protect(CELLS, List.of(new PartsOfWhole(DISCHARGES,
                List.of(NOT_READY, READY), PartsOfWhole.Coverage.DISJOINT)), ReleaseHistory.NONE);

        assertThat(result.count(CellStatus.COMPLEMENTARY)).isZero();
        assertThat(result.intervals().get(NOT_READY_CELL).width()).isGreaterThan(UNROUNDED.protectionRange());
    }
}
