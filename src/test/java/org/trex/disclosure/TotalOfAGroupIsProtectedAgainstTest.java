package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trex.disclosure.TestingCells.SPELLS;
import static org.trex.disclosure.TestingCells.cell;
import static org.trex.disclosure.TestingCells.statuses;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * A total published for a group of an aggregate's values (the linkage section's index events included in age band
 * 85+, which an aggregate by five-year band holds as 85-89 and 90+) is the sum of that output's cells in the group: a
 * suppressed cell there would be that total minus the cells shown, so a complement in the group is suppressed. It
 * covers no other group's cells, nor another output's that names a column alike.
 */
class TotalOfAGroupIsProtectedAgainstTest {
    /** Threshold 7, no rounding, protection range 7. */
    private static final DisclosureRules UNROUNDED = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1);
    private static final KnownTotal.Group OLDEST = new KnownTotal.Group("age", new HashSet<>(Arrays.asList("85-89",
            "90+")), "age band 85+");

    /** Spells by age band, with no total of their own. */
    private final List<Cell> byAge = List.of(
            cell("by_age", SPELLS, "age=70-74", 40),
            cell("by_age", SPELLS, "age=85-89", 3),
            cell("by_age", SPELLS, "age=90+", 20));

    @Test
    void withoutTheGroupsTotalTheSmallCellIsSuppressedAlone() {
        ProtectedCells result = new CellProtection(UNROUNDED).protect(byAge, ReleaseHistory.NONE);

        assertThat(result.count(CellStatus.COMPLEMENTARY)).isZero();
    }

    @Test
    void theGroupsTotalGetsAComplementSuppressedInTheGroup() {
        KnownTotal oldest = KnownTotal.ofGroup("by_age", SPELLS, new Interval(23, 23), OLDEST);

        ProtectedCells result = new CellProtection(UNROUNDED).protect(byAge, List.of(), List.of(oldest),
                ReleaseHistory.NONE);

        assertThat(statuses(result)).containsExactly(
                Map.entry("by_age.count{age=70-74}", CellStatus.PUBLISHED),
                Map.entry("by_age.count{age=85-89}", CellStatus.SMALL_COUNT),
                Map.entry("by_age.count{age=90+}", CellStatus.COMPLEMENTARY));
        assertThat(result.cells().get(2).reason()).isEqualTo("protects by_age.count{age=85-89}, which an attacker"
                + " could otherwise narrow to [3, 3] given the index events included in age band 85+ in the linkage"
                + " section");
    }

    @Test
    void aGroupsTotalCoversItsOutputsCellsInTheGroupAlone() {
        KnownTotal oldest = KnownTotal.ofGroup("by_age", SPELLS, new Interval(23, 23), OLDEST);

        assertThat(byAge).filteredOn(oldest::covers).extracting(c -> c.key().toString())
                .containsExactly("by_age.count{age=85-89}", "by_age.count{age=90+}");
        // Another output's 90+ of the same rows is a band of ten years beside 80-89: not the group's cells.
        assertThat(oldest.covers(cell("by_decade", SPELLS, "age=90+", 20))).isFalse();
        assertThat(oldest.covers(cell("by_age", new Quantity("records of social_care_event", Additivity.EXACT),
                "age=90+", 20))).isFalse();
    }

    @Test
    void theBlankGroupIsAValueOfAGroup() {
        KnownTotal unknown = KnownTotal.ofGroup("by_age", SPELLS, new Interval(2, 4),
                new KnownTotal.Group("age", new HashSet<>(Arrays.asList((String) null)), "age band Not known"));
        Map<String, String> blank = new HashMap<>();
        blank.put("age", null);

        assertThat(unknown.covers(Cell.count(CellKey.of("by_age", "count", blank), SPELLS, 3))).isTrue();
    }

    @Test
    void onlyTheLinkageSectionShowsTheTotalsOfGroups() {
        assertThatThrownBy(() -> new KnownTotal("by_age", SPELLS, new Interval(23, 23),
                KnownTotal.Shown.IN_THE_LINEAGE, Optional.of(OLDEST)))
                .hasMessage("Cannot know the total of records of inpatient_spell from output by_age as shown"
                        + " IN_THE_LINEAGE for a group: only the linkage section shows the totals of groups");
        assertThatThrownBy(() -> new KnownTotal.Group("age", Set.of(), "no band"))
                .hasMessage("Cannot know the total of no band in age: it covers no value");
    }
}
