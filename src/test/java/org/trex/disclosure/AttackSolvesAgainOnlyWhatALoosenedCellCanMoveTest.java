package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.trex.disclosure.TestingCells.PEOPLE;
import static org.trex.disclosure.TestingCells.SPELLS;
import static org.trex.disclosure.TestingCells.cell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * An attack asked again after cells are suppressed one at a time, as secondary suppression does, keeps the bounds a
 * loosened cell cannot move and gives every interval a fresh attack gives; after a cell is published again (its
 * range narrowed) it solves again what that touches.
 */
class AttackSolvesAgainOnlyWhatALoosenedCellCanMoveTest {
    private static final DisclosureRules RULES = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 5);
    private static final AttackerCheck ATTACKER = new AttackerCheck(new SmallCounts(RULES));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"records", "people"})
    void givesWhatAFreshAttackGivesWhileSolvingLess(String counts) {
        Quantity quantity = counts.equals("records") ? SPELLS : PEOPLE;
        long asked = 0;
        long solved = 0;
        for (int seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            List<Cell> cells = table(quantity, random);
            List<Relation> relations = Margins.relations(cells);
            Map<CellKey, DecidedCell> decided = primary(cells);
            AttackerCheck.Attack attack = ATTACKER.attack(relations, Map.of());
            assertSameAsFresh(attack, decided, relations);
            for (int step = 0; step < 6; step++) {
                List<DecidedCell> published = decided.values().stream().filter(c -> !c.status().suppressed())
                        .toList();
                if (published.isEmpty()) {
                    break;
                }
                DecidedCell chosen = published.get(random.nextInt(published.size()));
                decided.put(chosen.key(), new DecidedCell(chosen.cell(), CellStatus.COMPLEMENTARY, Optional.empty(),
                        "chosen"));
                long before = attack.programmes();
                assertSameAsFresh(attack, decided, relations);
                asked += 2 * decided.values().stream().filter(c -> c.status().suppressed()).count();
                solved += attack.programmes() - before;
            }
        }
        assertThat(solved).as("programmes solved again of %s bounds asked", asked).isLessThan(asked);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"records", "people"})
    void solvesAgainWhereACellIsPublishedAgain(String counts) {
        Quantity quantity = counts.equals("records") ? SPELLS : PEOPLE;
        List<Cell> cells = table(quantity, new Random(7));
        List<Relation> relations = Margins.relations(cells);
        Map<CellKey, DecidedCell> decided = primary(cells);
        DecidedCell chosen = decided.values().stream().filter(c -> !c.status().suppressed()).findFirst()
                .orElseThrow();
        decided.put(chosen.key(), new DecidedCell(chosen.cell(), CellStatus.COMPLEMENTARY, Optional.empty(),
                "chosen"));
        AttackerCheck.Attack attack = ATTACKER.attack(relations, Map.of());
        assertSameAsFresh(attack, decided, relations);
        long suppressed = decided.values().stream().filter(c -> c.status().suppressed()).count();

        decided.put(chosen.key(), new CellProtection(RULES).primary(chosen.cell(), ReleaseHistory.NONE));
        long before = attack.programmes();
        assertSameAsFresh(attack, decided, relations);

        assertThat(attack.programmes() - before).isEqualTo(2 * (suppressed - 1));
    }

    /** Ages by sex with every margin, some cells small enough to be suppressed. */
    private static List<Cell> table(Quantity quantity, Random random) {
        List<String> ages = List.of("a1", "a2", "a3", "a4");
        List<String> sexes = List.of("F", "M");
        List<Cell> cells = new ArrayList<>();
        long total = 0;
        Map<String, Long> bySex = new LinkedHashMap<>();
        for (String age : ages) {
            long ofAge = 0;
            for (String sex : sexes) {
                long value = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 8 + random.nextInt(60);
                cells.add(cell("t", quantity, "age=" + age + ",sex=" + sex, value));
                ofAge += value;
                bySex.merge(sex, value, Long::sum);
            }
            cells.add(cell("t", quantity, "age=" + age, ofAge));
            total += ofAge;
        }
        bySex.forEach((sex, value) -> cells.add(cell("t", quantity, "sex=" + sex, value)));
        cells.add(cell("t", quantity, "", total));
        return cells;
    }

    private static Map<CellKey, DecidedCell> primary(List<Cell> cells) {
        CellProtection protection = new CellProtection(RULES);
        Map<CellKey, DecidedCell> decided = new LinkedHashMap<>();
        cells.forEach(c -> decided.put(c.key(), protection.primary(c, ReleaseHistory.NONE)));
        return decided;
    }

    private static void assertSameAsFresh(AttackerCheck.Attack attack, Map<CellKey, DecidedCell> decided,
            List<Relation> relations) {
        Set<CellKey> all = decided.keySet();
        Map<CellKey, Interval> kept = attack.intervals(decided.values(), all);
        Map<CellKey, Interval> fresh = ATTACKER.intervals(decided.values(), relations, all);
        assertThat(kept.keySet()).isEqualTo(fresh.keySet());
        fresh.forEach((key, interval) -> {
            assertThat(kept.get(key).lower()).as("least of %s", key).isCloseTo(interval.lower(), within(1e-6));
            if (Double.isInfinite(interval.upper())) {
                assertThat(kept.get(key).upper()).as("greatest of %s", key).isInfinite();
            } else {
                assertThat(kept.get(key).upper()).as("greatest of %s", key).isCloseTo(interval.upper(), within(1e-6));
            }
        });
    }
}
