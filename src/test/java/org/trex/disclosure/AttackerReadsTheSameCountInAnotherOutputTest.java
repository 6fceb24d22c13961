package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * Two outputs that count the same records grouped the same way publish the same cells. When one hides a cell
 * behind a complement and the other publishes that cell, an attacker reads the complement from the other output,
 * then the hidden cell from the total: the attacker check must know the two are equal. Each output's cells add up
 * to a total on their own (together they count every record twice).
 */
class AttackerReadsTheSameCountInAnotherOutputTest {
    /** Threshold 7, no rounding, protection range 7. */
    private static final DisclosureRules UNROUNDED = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1);
    private static final Quantity DISCHARGES = new Quantity("records of inpatient_spell", Additivity.EXACT);

    /** By sex with a total in one output; by sex alone in another, for a second audience. */
    private static final List<Cell> TWO_OUTPUTS = List.of(
            cell("with_total", "F", 3),
            cell("with_total", "M", 20),
            cell("with_total", "X", 12),
            cell("with_total", "", 35),
            cell("by_sex", "F", 3),
            cell("by_sex", "M", 20),
            cell("by_sex", "X", 12));

    @Test
    void theComplementIsHiddenInBothOutputs() {
        ProtectedCells result = new CellProtection(UNROUNDED).protect(TWO_OUTPUTS, ReleaseHistory.NONE);

        assertThat(statuses(result)).containsExactly(
                Map.entry("with_total.discharges{sex=F}", CellStatus.SMALL_COUNT),
                Map.entry("with_total.discharges{sex=M}", CellStatus.PUBLISHED),
                Map.entry("with_total.discharges{sex=X}", CellStatus.COMPLEMENTARY),
                Map.entry("with_total.discharges{}", CellStatus.PUBLISHED),
                Map.entry("by_sex.discharges{sex=F}", CellStatus.SMALL_COUNT),
                Map.entry("by_sex.discharges{sex=M}", CellStatus.PUBLISHED),
                Map.entry("by_sex.discharges{sex=X}", CellStatus.COMPLEMENTARY));
        // The total of one output is the total of the other's table too: without a complement there, its women
        // would be the total less its men and unknown sex.
        assertThat(result.cells().get(6).reason()).isEqualTo("protects by_sex.discharges{sex=F}, which an"
                + " attacker could otherwise narrow to [3, 3]");
        assertThat(result.intervals()).containsEntry(CellKey.of("with_total", "discharges", Map.of("sex", "F")),
                new Interval(0, 15));
    }

    @Test
    void eachCellOfOneOutputEqualsItsTwinInTheOther() {
        CellProtection protection = new CellProtection(UNROUNDED);
        List<DecidedCell> decided = TWO_OUTPUTS.stream().map(c -> protection.primary(c, ReleaseHistory.NONE))
                .map(d -> d.key().output().equals("with_total") && d.key().dimensions().equals(Map.of("sex", "X"))
                        ? new DecidedCell(d.cell(), CellStatus.COMPLEMENTARY, java.util.Optional.empty(), "test")
                        : d)
                .toList();

        // With by_sex's women and men published, with_total's unknown sex is 12 exactly, and its women 3.
        assertThat(new AttackerCheck(new SmallCounts(UNROUNDED)).intervals(decided, Margins.relations(TWO_OUTPUTS)))
                .containsEntry(CellKey.of("with_total", "discharges", Map.of("sex", "X")), new Interval(12, 12))
                .containsEntry(CellKey.of("with_total", "discharges", Map.of("sex", "F")), new Interval(3, 3));
    }

    private static Cell cell(String output, String sex, long value) {
        return Cell.count(CellKey.of(output, "discharges", sex.isEmpty() ? Map.of() : Map.of("sex", sex)), DISCHARGES,
                value);
    }

    private static Map<String, CellStatus> statuses(ProtectedCells result) {
        return result.cells().stream().collect(Collectors.toMap(c -> c.key().toString(), DecidedCell::status,
                (a, b) -> a, LinkedHashMap::new));
    }
}
