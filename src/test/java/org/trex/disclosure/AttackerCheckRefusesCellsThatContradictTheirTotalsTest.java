package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trex.disclosure.TestingCells.SPELLS;
import static org.trex.disclosure.TestingCells.cell;
import static org.trex.disclosure.TestingCells.key;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * A suppressed cell known from outside the aggregates to lie where its published total and the cell beside it
 * cannot put it (a total computed from other rows) is refused, in words, whether the known range pins it to one
 * value or not: no interval is made up for it.
 */
class AttackerCheckRefusesCellsThatContradictTheirTotalsTest {
    @ParameterizedTest(name = "known in [{0}, {1}]")
    @CsvSource({"5, 5", "5, 6"})
    void refuses(double lowest, double highest) {
        DisclosureRules rules = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1);
        List<Cell> cells = List.of(cell("t", SPELLS, "sex=F", 3), cell("t", SPELLS, "sex=M", 30),
                cell("t", SPELLS, "", 40));
        CellProtection protection = new CellProtection(rules);
        List<DecidedCell> decided = cells.stream().map(c -> protection.primary(c, ReleaseHistory.NONE)).toList();
        CellKey female = key("t", "sex=F");

        assertThatThrownBy(() -> new AttackerCheck(new SmallCounts(rules)).intervals(decided,
                Margins.relations(cells), Set.of(female), Map.of(female, new Interval(lowest, highest))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot check what an attacker infers: the published cells and their totals contradict"
                        + " one another (a total computed from other rows, or a records output's rows taken as the"
                        + " total of an aggregate counting others?)");
    }
}
