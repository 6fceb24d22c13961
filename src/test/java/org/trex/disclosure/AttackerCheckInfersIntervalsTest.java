package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.disclosure.TestingCells.PEOPLE;
import static org.trex.disclosure.TestingCells.SPELLS;
import static org.trex.disclosure.TestingCells.cell;
import static org.trex.disclosure.TestingCells.key;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * What an attacker infers about a suppressed count F beside a published count M and their published total,
 * given rounding and whether the total is of records (exact sum) or of people (at most the sum, at least each).
 */
class AttackerCheckInfersIntervalsTest {
    @ParameterizedTest(name = "{0}, round to {1}: F={2}, M={3}, total={4} -> F in [{5}, {6}]")
    @CsvSource(textBlock = """
            # counts,  round_to, F, M,  total, lowest, highest
              records, 1,        3, 40, 43,    3,      3
              records, 5,        3, 40, 43,    1,      9
              records, 10,       3, 40, 43,    0,      9
              people,  1,        3, 40, 42,    2,      42
              people,  1,        3, 40, 40,    0,      40
            """)
    void infers(String counts, int roundTo, long f, long m, long total, double lowest, double highest) {
        Quantity quantity = counts.equals("records") ? SPELLS : PEOPLE;
        DisclosureRules rules = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, roundTo);
        List<Cell> cells = List.of(cell("t", quantity, "sex=F", f), cell("t", quantity, "sex=M", m),
                cell("t", quantity, "", total));
        CellProtection protection = new CellProtection(rules);
        List<DecidedCell> decided = cells.stream().map(c -> protection.primary(c, ReleaseHistory.NONE)).toList();

        Interval interval = new AttackerCheck(new SmallCounts(rules)).intervals(decided, Margins.relations(cells))
                .get(key("t", "sex=F"));

        assertThat(interval.lower()).isCloseTo(lowest, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(interval.upper()).isCloseTo(highest, org.assertj.core.data.Offset.offset(1e-6));
    }
}
