package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.disclosure.TestingCells.SPELLS;
import static org.trex.disclosure.TestingCells.cell;
import static org.trex.disclosure.TestingCells.key;
import static org.trex.disclosure.TestingCells.statuses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * A records output that holds the rows an aggregate counted shows their total (anyone counts its file's rows),
 * though the aggregate publishes none: a suppressed cell would be that total minus the cells shown, so a complement
 * is suppressed, the total itself never is, and it is never among the cells released.
 */
class KnownTotalFromARecordsOutputIsProtectedAgainstTest {
    /** Threshold 7, no rounding, protection range 7. */
    private static final DisclosureRules UNROUNDED = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1);

    /** Spells by sex, with no total of their own. */
    private final List<Cell> bySex = List.of(
            cell("by_sex", SPELLS, "sex=F", 3),
            cell("by_sex", SPELLS, "sex=M", 40),
            cell("by_sex", SPELLS, "sex=X", 20));

    @Test
    void withoutTheRecordsOutputTheSmallCellIsSuppressedAlone() {
        ProtectedCells result = new CellProtection(UNROUNDED).protect(bySex, ReleaseHistory.NONE);

        assertThat(statuses(result)).containsExactly(
                Map.entry("by_sex.count{sex=F}", CellStatus.SMALL_COUNT),
                Map.entry("by_sex.count{sex=M}", CellStatus.PUBLISHED),
                Map.entry("by_sex.count{sex=X}", CellStatus.PUBLISHED));
    }

    @Test
    void theRecordsOutputsRowCountGetsAComplementSuppressed() {
        KnownTotal rows = new KnownTotal("spells", SPELLS, new Interval(63, 63));

        ProtectedCells result = new CellProtection(UNROUNDED).protect(bySex, List.of(), List.of(rows),
                ReleaseHistory.NONE);

        assertThat(statuses(result)).containsExactly(
                Map.entry("by_sex.count{sex=F}", CellStatus.SMALL_COUNT),
                Map.entry("by_sex.count{sex=M}", CellStatus.PUBLISHED),
                Map.entry("by_sex.count{sex=X}", CellStatus.COMPLEMENTARY));
        assertThat(result.cells().get(2).reason()).isEqualTo("protects by_sex.count{sex=F}, which an attacker could"
                + " otherwise narrow to [3, 3] given the rows of records output spells");
        assertThat(result.intervals()).containsEntry(key("by_sex", "sex=F"), new Interval(0, 23))
                .containsEntry(key("by_sex", "sex=X"), new Interval(0, 23));
    }

    @Test
    void aRowCountThatOnlyBoundsTheTotalIsProtectedAgainstToo() {
        // People of a records file from which disclosure control dropped two records: 63 to 65 of them.
        KnownTotal rows = new KnownTotal("spells", SPELLS, new Interval(63, 65));

        ProtectedCells result = new CellProtection(UNROUNDED).protect(bySex, List.of(), List.of(rows),
                ReleaseHistory.NONE);

        assertThat(result.count(CellStatus.COMPLEMENTARY)).isEqualTo(1);
        assertThat(result.intervals().values()).allMatch(i -> i.width() > 7);
    }

    @Test
    void aTotalKnownOnlyFromBelowPinsNothingDown() {
        KnownTotal atLeast = new KnownTotal("spells", SPELLS, new Interval(60, Double.POSITIVE_INFINITY));

        ProtectedCells result = new CellProtection(UNROUNDED).protect(bySex, List.of(), List.of(atLeast),
                ReleaseHistory.NONE);

        assertThat(result.count(CellStatus.COMPLEMENTARY)).isZero();
        assertThat(result.intervals()).containsExactly(
                Map.entry(key("by_sex", "sex=F"), new Interval(0, Double.POSITIVE_INFINITY)));
    }

    @Test
    void whatTheRecordsOutputShowsByItselfNeedsNoComplement() {
        // The records file's 63 rows pin the summary's total down whatever the aggregates publish: suppressing cells
        // beside it would hide nothing, and suppressing the summary (a difference from an earlier release, say)
        // cannot hide what the file shows. The cells under it are protected all the same.
        List<Cell> withSummary = new ArrayList<>(bySex);
        withSummary.add(cell("summary", SPELLS, "", 63));
        ReleaseHistory earlier = new ReleaseHistory(Map.of(key("summary", ""),
                List.of(new EarlierRelease("run-1", 62, Optional.of(60L)))));
        KnownTotal rows = new KnownTotal("spells", SPELLS, new Interval(63, 63));

        ProtectedCells result = new CellProtection(UNROUNDED).protect(withSummary, List.of(), List.of(rows), earlier);

        assertThat(statuses(result)).containsExactly(
                Map.entry("by_sex.count{sex=F}", CellStatus.SMALL_COUNT),
                Map.entry("by_sex.count{sex=M}", CellStatus.PUBLISHED),
                Map.entry("by_sex.count{sex=X}", CellStatus.COMPLEMENTARY),
                Map.entry("summary.count{}", CellStatus.DIFFERENCE));
        assertThat(result.intervals()).containsEntry(key("summary", ""), new Interval(63, 63));
        assertThat(result.intervals().get(key("by_sex", "sex=F")).width()).isGreaterThan(7);
    }

    @Test
    void aCellTheRowsPinDownByThemselvesMayStillHideAnother() {
        // Eight spells, all in band A; the zeros of the other bands suppressed. The file's 8 rows and A's count
        // (10, so 8 to 12) say the blanks are all 0. A itself the rows pin down to [0, 8], within the range of 10,
        // whatever is published; suppressed, it leaves every band [0, 8], which is all the rows tell of them.
        List<Cell> byBand = List.of(cell("by_band", SPELLS, "band=A", 8), cell("by_band", SPELLS, "band=B", 0),
                cell("by_band", SPELLS, "band=C", 0));
        KnownTotal rows = new KnownTotal("spells", SPELLS, new Interval(8, 8));
        DisclosureRules rules = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 3, 5).withProtectionRange(10);

        ProtectedCells result = new CellProtection(rules).protect(byBand, List.of(), List.of(rows),
                ReleaseHistory.NONE);

        assertThat(statuses(result)).containsExactly(
                Map.entry("by_band.count{band=A}", CellStatus.COMPLEMENTARY),
                Map.entry("by_band.count{band=B}", CellStatus.SMALL_COUNT),
                Map.entry("by_band.count{band=C}", CellStatus.SMALL_COUNT));
        assertThat(result.intervals()).containsEntry(key("by_band", "band=B"), new Interval(0, 8))
                .containsEntry(key("by_band", "band=A"), new Interval(0, 8));
    }
}
