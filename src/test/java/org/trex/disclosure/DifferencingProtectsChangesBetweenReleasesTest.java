package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.disclosure.TestingCells.SPELLS;
import static org.trex.disclosure.TestingCells.cell;
import static org.trex.disclosure.TestingCells.key;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/** A cell that differs from an earlier published release by 1 to the threshold would show those people: protected. */
class DifferencingProtectsChangesBetweenReleasesTest {
    @ParameterizedTest(name = "threshold {0}: now {1}, earlier {2} (published {3}) -> protected {4}")
    @CsvSource(textBlock = """
            # threshold, now, earlier, earlier published, protected
              7,         40,  41,      true,              true
              7,         41,  40,      true,              true
              7,         40,  47,      true,              true
              7,         40,  48,      true,              false
              7,         40,  40,      true,              false
              7,         40,  41,      false,             false
              0,         40,  41,      true,              false
            """)
    void decides(int threshold, long now, long earlier, boolean published, boolean protectedCell) {
        EarlierRelease release =
                new EarlierRelease("run-1", earlier, published ? Optional.of(earlier) : Optional.empty());
        assertThat(new Differencing(threshold).against(now, List.of(release)).isPresent()).isEqualTo(protectedCell);
    }

    @Test
    void twoReleasesThatDifferByOnePersonProtectTheDifferingCell() {
        DisclosureRules rules = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);
        ReleaseHistory first = new ReleaseHistory(Map.of(
                key("by_band", "band=0"), List.of(new EarlierRelease("run-1", 40, Optional.of(40L))),
                key("by_band", "band=1"), List.of(new EarlierRelease("run-1", 52, Optional.of(50L))),
                key("by_band", "band=2-3"), List.of(new EarlierRelease("run-1", 31, Optional.of(30L)))));
        // One person objected between the two runs: band 1 lost one spell.
        List<Cell> second = List.of(cell("by_band", SPELLS, "band=0", 40), cell("by_band", SPELLS, "band=1", 51),
                cell("by_band", SPELLS, "band=2-3", 31));

        ProtectedCells result = new CellProtection(rules).protect(second, first);

        assertThat(result.cells()).extracting(DecidedCell::status)
                .containsExactly(CellStatus.PUBLISHED, CellStatus.DIFFERENCE, CellStatus.PUBLISHED);
        assertThat(result.cells().get(1).reason())
                .isEqualTo("differs from the release of run run-1 by a count from 1 to 7");
        assertThat(result.cells().get(1).released()).isEmpty();
    }
}
