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
        // Records disclosure control dropped, shown as at most 2: the aggregate counted 63 to 65 rows.
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
}
