package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trex.spec.DisclosureRules;
import org.trex.spec.DominanceRule;
import org.trex.spec.KAnonymityAction;

/** The nk and p% rules for sums such as costs: a sum dominated by one or two contributors is suppressed. */
class DominanceFlagsDominatedSumsTest {
    @ParameterizedTest(name = "n {0}, k {1}%, p {2}%: total {3}, largest {4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # n | k  | p  | total | largest contributions | rule
              2 | 90 | 10 | 1000  | 950 20 10             | nk
              2 | 90 | 10 | 1000  | 510 400 90            | nk
              2 | 90 | 10 | 1000  | 450 450 100           | none
              2 | 90 | 10 | 1000  | 600 300 100           | none
              1 | 50 | 10 | 1000  | 500 300 200           | none
              1 | 50 | 10 | 1000  | 501 300 199           | nk
              2 | 99 | 10 | 1000  | 700 260 40            | p%
              2 | 99 | 10 | 1000  | 700 230 70            | none
              2 | 99 | 10 | 0     | 0                     | none
            """)
    void decides(int n, int k, int p, long total, String largest, String rule) {
        Contributions contributions = new Contributions(Arrays.stream(largest.split(" ")).map(Long::valueOf).toList());
        Optional<String> why = new DominanceCheck(new DominanceRule(n, k, p)).dominated(total, contributions);
        assertThat(why.map(w -> w.substring(0, w.indexOf(' '))))
                .isEqualTo(rule.equals("none") ? Optional.empty() : Optional.of(rule));
    }

    @Test
    void aCostCellWhereOneProviderDominatesIsSuppressedAndTheOthersAreNot() {
        Quantity cost = new Quantity("cost of care packages", Additivity.EXACT);
        // Home care costs by district: one provider is nearly all of district A's spend.
        Cell dominated = new Cell(CellKey.of("costs", "cost", java.util.Map.of("district", "A")), cost, 52_000,
                Optional.of(new Contributions(List.of(49_000L, 2_000L, 1_000L))));
        Cell spread = new Cell(CellKey.of("costs", "cost", java.util.Map.of("district", "B")), cost, 60_000,
                Optional.of(new Contributions(List.of(15_000L, 12_000L, 9_000L))));
        ProtectedCells result = new CellProtection(new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1)
                .withDominance(DominanceRule.DEFAULT)).protect(List.of(dominated, spread), ReleaseHistory.NONE);
        assertThat(result.cells()).extracting(DecidedCell::status)
                .containsExactly(CellStatus.DOMINATED, CellStatus.PUBLISHED);
        assertThat(result.cells().get(0).reason()).startsWith("nk rule: the 2 largest contributions are more than 90%");
    }
}
