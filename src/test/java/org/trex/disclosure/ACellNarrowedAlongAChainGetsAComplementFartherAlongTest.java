package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * A small run's lineage (600 generated people): three outputs of one read each left out 5 of its 83 rows, a records
 * output among them whose file shows its 78 rows out exactly; another records output left out 2 of 60. Once the rows
 * in beside the small counts are suppressed, no cell beside them is left, but the rows read of both tables, 309, still
 * narrow the 5 to [0, 6.67] through three outputs' rows in and the exact rows out: 3 x (5 + 78) + (2 + 58) = 309. The
 * run was refused ("no cell is left to suppress beside it"); a cell farther along the chain is suppressed instead.
 */
class ACellNarrowedAlongAChainGetsAComplementFartherAlongTest {
    private static final DisclosureRules RULES = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);

    private final Map<String, Cell> cells = new LinkedHashMap<>();
    private final List<Relation> relations = new ArrayList<>();

    private Cell cell(String name, long value) {
        Cell cell = Cell.count(CellKey.of("lineage", name, Map.of()), new Quantity(name, Additivity.EXACT), value);
        cells.put(name, cell);
        return cell;
    }

    private void relate(String total, Additivity additivity, Cell... parts) {
        relations.add(new Relation(cells.get(total), List.of(parts), additivity));
    }

    @Test
    void theRowsReadOfAllTablesAreSuppressed() {
        Cell read = cell("read", 309);
        Cell spells = cell("read spells", 249);
        Cell events = cell("read events", 60);
        Cell in = cell("in spells", 83);
        Cell inByBand = cell("in by band", 83);
        Cell inSummary = cell("in summary", 83);
        Cell left = cell("left spells", 5);
        Cell leftByBand = cell("left by band", 5);
        Cell leftSummary = cell("left summary", 5);
        Cell inEvents = cell("in events", 60);
        Cell leftEvents = cell("left events", 2);
        KnownTotal out = new KnownTotal("spells", new Quantity("out spells", Additivity.EXACT), new Interval(78, 78));
        KnownTotal outEvents = new KnownTotal("events", new Quantity("out events", Additivity.EXACT),
                new Interval(58, 58));
        relate("read", Additivity.EXACT, spells, events);
        relate("read spells", Additivity.EXACT, in, inByBand, inSummary);
        relate("read events", Additivity.EXACT, inEvents);
        relate("in spells", Additivity.EXACT, left, out.cell());
        relate("in events", Additivity.EXACT, leftEvents, outEvents.cell());
        relate("in spells", Additivity.EXACT, inByBand);
        relate("in spells", Additivity.EXACT, inSummary);
        relate("left spells", Additivity.EXACT, leftByBand);
        relate("left spells", Additivity.EXACT, leftSummary);
        relate("in by band", Additivity.AT_LEAST, leftByBand);
        relate("in summary", Additivity.AT_LEAST, leftSummary);

        ProtectedCells decided = new CellProtection(RULES).protect(List.copyOf(cells.values()), List.of(),
                List.of(out, outEvents), relations, ReleaseHistory.NONE);

        assertThat(decided.cells().stream().filter(c -> c.key().measure().equals("read")).findFirst().orElseThrow()
                .status()).isEqualTo(CellStatus.COMPLEMENTARY);
        assertThat(decided.intervals().get(left.key()).width()).isGreaterThan(RULES.protectionRange());
        assertThat(decided.intervals().get(leftEvents.key()).width()).isGreaterThan(RULES.protectionRange());
    }
}
