package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.disclosure.TestingCells.SPELLS;
import static org.trex.disclosure.TestingCells.cell;
import static org.trex.disclosure.TestingCells.key;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * A suppressed cell beside a published total gets a complementary cell suppressed, so the attacker check
 * (which fails without it) cannot narrow the suppressed cell to within the protection range.
 */
class SecondarySuppressionProtectsTotalsTest {
    /** Threshold 7, no rounding, protection range 7. */
    private static final DisclosureRules UNROUNDED = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1);

    private final List<Cell> bySexWithTotal = List.of(
            cell("by_sex", SPELLS, "sex=F", 3),
            cell("by_sex", SPELLS, "sex=M", 40),
            cell("by_sex", SPELLS, "sex=X", 20),
            cell("by_sex", SPELLS, "", 63));

    @Test
    void withoutASecondCellTheAttackerWorksOutTheSuppressedCount() {
        CellProtection protection = new CellProtection(UNROUNDED);
        List<DecidedCell> primaryOnly = bySexWithTotal.stream().map(c -> protection.primary(c, ReleaseHistory.NONE))
                .toList();
        assertThat(primaryOnly).extracting(DecidedCell::status)
                .containsExactly(CellStatus.SMALL_COUNT, CellStatus.PUBLISHED, CellStatus.PUBLISHED,
                        CellStatus.PUBLISHED);

        Map<CellKey, Interval> intervals = new AttackerCheck(new SmallCounts(UNROUNDED))
                .intervals(primaryOnly, Margins.relations(bySexWithTotal));

        assertThat(intervals).containsExactly(Map.entry(key("by_sex", "sex=F"), new Interval(3, 3)));
    }

    @Test
    void theSmallestCellLargerThanTheRangeIsSuppressedBesideIt() {
        ProtectedCells result = new CellProtection(UNROUNDED).protect(bySexWithTotal, ReleaseHistory.NONE);

        assertThat(statuses(result)).containsExactly(
                Map.entry("by_sex.count{sex=F}", CellStatus.SMALL_COUNT),
                Map.entry("by_sex.count{sex=M}", CellStatus.PUBLISHED),
                Map.entry("by_sex.count{sex=X}", CellStatus.COMPLEMENTARY),
                Map.entry("by_sex.count{}", CellStatus.PUBLISHED));
        assertThat(result.cells().get(2).reason()).isEqualTo(
                "protects by_sex.count{sex=F}, which an attacker could otherwise narrow to [3, 3]");
        assertThat(result.intervals()).containsEntry(key("by_sex", "sex=F"), new Interval(0, 23))
                .containsEntry(key("by_sex", "sex=X"), new Interval(0, 23));
    }

    @Test
    void aTwoWayTableWithMarginsSuppressesARectangle() {
        List<Cell> cells = List.of(
                cell("by_age_sex", SPELLS, "age=a1,sex=F", 2),
                cell("by_age_sex", SPELLS, "age=a1,sex=M", 30),
                cell("by_age_sex", SPELLS, "age=a2,sex=F", 25),
                cell("by_age_sex", SPELLS, "age=a2,sex=M", 40),
                cell("by_age_sex", SPELLS, "age=a1", 32),
                cell("by_age_sex", SPELLS, "age=a2", 65),
                cell("by_age_sex", SPELLS, "sex=F", 27),
                cell("by_age_sex", SPELLS, "sex=M", 70),
                cell("by_age_sex", SPELLS, "", 97));

        ProtectedCells result = new CellProtection(UNROUNDED).protect(cells, ReleaseHistory.NONE);

        assertThat(result.cells().subList(0, 4)).extracting(DecidedCell::status).containsExactly(
                CellStatus.SMALL_COUNT, CellStatus.COMPLEMENTARY, CellStatus.COMPLEMENTARY, CellStatus.COMPLEMENTARY);
        assertThat(result.cells().subList(4, 9)).extracting(DecidedCell::released)
                .allMatch(java.util.Optional::isPresent);
        // The four cells move together: a1F can be anything from 0 to 2 + min(30, 25).
        assertThat(result.intervals().get(key("by_age_sex", "age=a1,sex=F"))).isEqualTo(new Interval(0, 27));
        assertThat(result.intervals().values()).allMatch(i -> i.width() > 7);
    }

    @Test
    void anotherOutputGroupedByFewerDimensionsIsATotalToo() {
        List<Cell> cells = List.of(
                cell("by_age_sex", SPELLS, "age=a1,sex=F", 2),
                cell("by_age_sex", SPELLS, "age=a1,sex=M", 30),
                cell("by_age_sex", SPELLS, "age=a2,sex=F", 25),
                cell("by_age_sex", SPELLS, "age=a2,sex=M", 40),
                cell("by_age", SPELLS, "age=a1", 32),
                cell("by_age", SPELLS, "age=a2", 65));

        ProtectedCells result = new CellProtection(UNROUNDED).protect(cells, ReleaseHistory.NONE);

        assertThat(statuses(result)).containsEntry("by_age_sex.count{age=a1, sex=M}", CellStatus.COMPLEMENTARY)
                .containsEntry("by_age.count{age=a1}", CellStatus.PUBLISHED)
                .containsEntry("by_age_sex.count{age=a2, sex=F}", CellStatus.PUBLISHED);
        assertThat(result.count(CellStatus.COMPLEMENTARY)).isEqualTo(1);
    }

    @Test
    void roundingAloneCanHideTheCellWellEnough() {
        DisclosureRules roundedToFive = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);
        List<Cell> cells = List.of(cell("by_sex", SPELLS, "sex=F", 3), cell("by_sex", SPELLS, "sex=M", 40),
                cell("by_sex", SPELLS, "", 43));

        ProtectedCells result = new CellProtection(roundedToFive).protect(cells, ReleaseHistory.NONE);

        // M published as 40 (38..42), the total as 45 (43..47): F is anything from 1 to 9, 8 wide.
        assertThat(result.count(CellStatus.COMPLEMENTARY)).isZero();
        assertThat(result.intervals()).containsExactly(Map.entry(key("by_sex", "sex=F"), new Interval(1, 9)));
    }

    @Test
    void aWiderProtectionRangeSuppressesMoreUntilTheCheckPasses() {
        List<Cell> cells = List.of(cell("by_sex", SPELLS, "sex=F", 3), cell("by_sex", SPELLS, "sex=M", 40),
                cell("by_sex", SPELLS, "", 43));

        ProtectedCells result = new CellProtection(UNROUNDED.withProtectionRange(100))
                .protect(cells, ReleaseHistory.NONE);

        // F and M together are 43 wide, not enough: the total goes too, and nothing is left to subtract from.
        assertThat(result.cells()).extracting(DecidedCell::status)
                .containsExactly(CellStatus.SMALL_COUNT, CellStatus.COMPLEMENTARY, CellStatus.COMPLEMENTARY);
        assertThat(result.intervals().values()).allMatch(i -> Double.isInfinite(i.upper()));
    }

    private static Map<String, CellStatus> statuses(ProtectedCells result) {
        return result.cells().stream().collect(Collectors.toMap(c -> c.key().toString(), DecidedCell::status,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
