package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.disclosure.TestingCells.SPELLS;
import static org.trex.disclosure.TestingCells.cell;
import static org.trex.disclosure.TestingCells.statuses;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * A total of 40 events, all in one place (the place's one cell is the total), split by kind into 40 and none, the 40
 * stated equal to the place's: the kind with none is 0 whatever is published, the total less a cell equal to it, so no
 * complement hides it. It is left suppressed as small, nothing else suppressed beside it, rather than refused.
 */
class ACellTheRelationsAlonePinDownIsLeftAsItIsTest {
    private static final DisclosureRules SHIPPED = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);

    @Test
    void theZeroIsSuppressedAndNothingBesideIt() {
        Cell total = cell("t", SPELLS, "", 40);
        Cell some = cell("t", SPELLS, "kind=a", 40);
        Cell none = cell("t", SPELLS, "kind=b", 0);
        Cell same = cell("t", SPELLS, "place=x", 40);

        ProtectedCells result = new CellProtection(SHIPPED).protect(List.of(total, some, none, same), List.of(),
                List.of(), List.of(new Relation(some, List.of(same), Additivity.EXACT)), ReleaseHistory.NONE);

        assertThat(statuses(result)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "t.count{}", CellStatus.PUBLISHED,
                "t.count{kind=a}", CellStatus.PUBLISHED,
                "t.count{kind=b}", CellStatus.SMALL_COUNT,
                "t.count{place=x}", CellStatus.PUBLISHED));
        assertThat(result.intervals().get(none.key())).isEqualTo(new Interval(0, 0));
    }
}
