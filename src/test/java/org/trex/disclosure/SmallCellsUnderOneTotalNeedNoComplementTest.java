package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.disclosure.TestingCells.SPELLS;
import static org.trex.disclosure.TestingCells.cell;
import static org.trex.disclosure.TestingCells.key;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * Discharges by delay band and age band, with their grand total published in another output (the discharge-delays
 * spec's first release): the ten small cells share what the total minus the rounded cells leaves, 13 to 29, so
 * each can be anything from 0 to 29 and no complementary cell is needed. The attacker check once found most of them
 * pinned to [0, 0] and blanked every discharges cell, the total included.
 */
class SmallCellsUnderOneTotalNeedNoComplementTest {
    /** Threshold 7, rounding to 5, protection range 7: the shipped policy. */
    private static final DisclosureRules SHIPPED = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);

    private static final List<Cell> CELLS = List.of(
            cell("by_band", SPELLS, "age=65-69,delay=0", 11),
            cell("by_band", SPELLS, "age=70-74,delay=0", 30),
            cell("by_band", SPELLS, "age=70-74,delay=1", 3),
            cell("by_band", SPELLS, "age=70-74,delay=2-3", 3),
            cell("by_band", SPELLS, "age=75-79,delay=0", 38),
            cell("by_band", SPELLS, "age=75-79,delay=1", 1),
            cell("by_band", SPELLS, "age=75-79,delay=2-3", 1),
            cell("by_band", SPELLS, "age=75-79,delay=4-6", 1),
            cell("by_band", SPELLS, "age=75-79,delay=7-13", 1),
            cell("by_band", SPELLS, "age=80-84,delay=0", 49),
            cell("by_band", SPELLS, "age=80-84,delay=1", 3),
            cell("by_band", SPELLS, "age=85-89,delay=0", 31),
            cell("by_band", SPELLS, "age=85-89,delay=1", 1),
            cell("by_band", SPELLS, "age=90+,delay=0", 16),
            cell("by_band", SPELLS, "age=90+,delay=2-3", 2),
            cell("by_band", SPELLS, "age=90+,delay=4-6", 1),
            cell("summary", SPELLS, "", 192));

    private static final ProtectedCells PROTECTED = new CellProtection(SHIPPED).protect(CELLS, ReleaseHistory.NONE);

    @ParameterizedTest(name = "{0}.count'{'{1}'}' -> {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # output | at                  | status      | released or interval
              by_band | age=65-69,delay=0   | PUBLISHED   | 10
              by_band | age=70-74,delay=0   | PUBLISHED   | 30
              by_band | age=70-74,delay=1   | SMALL_COUNT | [0, 29]
              by_band | age=70-74,delay=2-3 | SMALL_COUNT | [0, 29]
              by_band | age=75-79,delay=0   | PUBLISHED   | 40
              by_band | age=75-79,delay=1   | SMALL_COUNT | [0, 29]
              by_band | age=75-79,delay=2-3 | SMALL_COUNT | [0, 29]
              by_band | age=75-79,delay=4-6 | SMALL_COUNT | [0, 29]
              by_band | age=75-79,delay=7-13| SMALL_COUNT | [0, 29]
              by_band | age=80-84,delay=0   | PUBLISHED   | 50
              by_band | age=80-84,delay=1   | SMALL_COUNT | [0, 29]
              by_band | age=85-89,delay=0   | PUBLISHED   | 30
              by_band | age=85-89,delay=1   | SMALL_COUNT | [0, 29]
              by_band | age=90+,delay=0     | PUBLISHED   | 15
              by_band | age=90+,delay=2-3   | SMALL_COUNT | [0, 29]
              by_band | age=90+,delay=4-6   | SMALL_COUNT | [0, 29]
              summary | -                   | PUBLISHED   | 190
            """)
    void decides(String output, String at, CellStatus status, String releasedOrInterval) {
        CellKey key = key(output, at == null ? "" : at);
        DecidedCell decided = PROTECTED.cells().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();

        assertThat(decided.status()).isEqualTo(status);
        assertThat(status.suppressed() ? PROTECTED.intervals().get(key).toString()
                : decided.released().orElseThrow().toString())
                .isEqualTo(releasedOrInterval);
    }

    @Test
    void noComplementaryCellIsSuppressed() {
        assertThat(PROTECTED.count(CellStatus.COMPLEMENTARY)).isZero();
        assertThat(PROTECTED.cells()).hasSize(CELLS.size());
    }
}
