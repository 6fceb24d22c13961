package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.DominanceRule;
import org.trex.spec.KAnonymityAction;

/**
 * A sum suppressed as dominated, beside a published total, is protected like a suppressed count: a complementary
 * sum is suppressed so the total minus the others no longer gives it back. A published sum below the count
 * threshold is only its rounding to an attacker (a sum is not suppressed for being small).
 */
class DominatedSumBesideATotalGetsAComplementTest {
    private static final Quantity COST = new Quantity("sum of unit_cost of social_care_event", Additivity.EXACT);

    @Test
    void theSmallestSumThatHidesItIsSuppressedBesideIt() {
        List<Cell> cells = List.of(
                sum("district=A", 52_000, 49_000, 2_000, 1_000),
                sum("district=B", 60_000, 15_000, 12_000, 9_000),
                sum("district=C", 4, 2, 1, 1),
                sum("", 112_004, 49_000, 15_000, 12_000));
        DisclosureRules unrounded = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1)
                .withDominance(DominanceRule.DEFAULT);

        ProtectedCells result = new CellProtection(unrounded).protect(cells, ReleaseHistory.NONE);

        assertThat(result.cells()).extracting(DecidedCell::status).containsExactly(
                CellStatus.DOMINATED, CellStatus.COMPLEMENTARY, CellStatus.PUBLISHED, CellStatus.PUBLISHED);
        assertThat(result.cells().get(2).released()).contains(4L);
        assertThat(result.intervals().get(cells.get(0).key())).isEqualTo(new Interval(0, 112_000));
    }

    private static Cell sum(String at, long value, long... largest) {
        Map<String, String> dimensions = at.isEmpty() ? Map.of() : Map.of(at.split("=")[0], at.split("=")[1]);
        Contributions contributions = new Contributions(Arrays.stream(largest).boxed().toList());
        return new Cell(CellKey.of("costs", "cost", dimensions), COST, value, Optional.of(contributions));
    }
}
