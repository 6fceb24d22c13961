package org.trex.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sweep finds exactly the spells that comparing every pair of a number's spells finds: o and s overlap when o is
 * admitted before s ends and s before o ends. Same-day spells, discharges recorded before the admission and spells
 * still open (ending on the as-of date) are where a sweep by admission could go wrong.
 */
class OverlappingSpellsAreThoseAnyPairWouldFindTest {
    private record Spell(String number, long id, long admitted, long ends) {
    }

    @Test
    void handMadeSpellsOverlapOnlyWhereTheyShareMoreThanADay() {
        List<Spell> spells = List.of(
                new Spell("A", 1, 10, 20), new Spell("A", 2, 20, 25),
                new Spell("B", 3, 10, 20), new Spell("B", 4, 15, 15),
                new Spell("C", 5, 12, 12), new Spell("C", 6, 12, 12),
                new Spell("D", 7, 30, 25), new Spell("D", 8, 20, 35), new Spell("D", 9, 40, 50),
                new Spell("E", 10, 10, 20), new Spell("F", 11, 15, 18),
                new Spell("G", 12, 5, 9), new Spell("G", 13, 5, 6));

        assertThat(found(spells)).containsExactlyElementsOf(byPairs(spells)).containsExactly(3L, 4L, 7L, 8L, 12L, 13L);
    }

    @Test
    void randomSpellsOverlapAsEveryPairSays() {
        Random random = new Random(20261207);
        for (int round = 0; round < 300; round++) {
            List<Spell> spells = new ArrayList<>();
            long id = random.nextInt(1000);
            int numbers = 1 + random.nextInt(30);
            for (int n = 0; n < numbers; n++) {
                int count = 1 + random.nextInt(random.nextBoolean() ? 4 : 40);
                for (int i = 0; i < count; i++) {
                    long admitted = random.nextInt(60);
                    // Mostly proper spells, some on one day, some discharged before they were admitted.
                    long ends = admitted + random.nextInt(25) - (random.nextInt(6) == 0 ? 8 : 0);
                    id += 1 + random.nextInt(3);
                    spells.add(new Spell("n" + n, id, admitted, ends));
                }
            }
            assertThat(found(spells)).as("round %d", round).containsExactlyElementsOf(byPairs(spells));
        }
    }

    @Test
    void aNumberSeenAgainAfterAnotherIsAFreshStartSoCallersMustGroupByNumber() {
        OverlappingSpells sweep = new OverlappingSpells();
        sweep.add("A", 1, 10, 20);
        sweep.add("B", 2, 12, 18);
        sweep.add("A", 3, 15, 25);

        assertThat(sweep.found().size()).isZero();
    }

    private static Set<Long> found(List<Spell> spells) {
        OverlappingSpells sweep = new OverlappingSpells();
        spells.forEach(s -> sweep.add(s.number(), s.id(), s.admitted(), s.ends()));
        OverlappingSpells.Found found = sweep.found();
        Set<Long> ids = new TreeSet<>();
        spells.stream().map(Spell::id).filter(found::contains).forEach(ids::add);
        assertThat(found.size()).isEqualTo(ids.size());
        return ids;
    }

    private static Set<Long> byPairs(List<Spell> spells) {
        Set<Long> ids = new TreeSet<>();
        for (Spell s : spells) {
            for (Spell o : spells) {
                if (o != s && o.number().equals(s.number()) && o.admitted() < s.ends() && s.admitted() < o.ends()) {
                    ids.add(s.id());
                }
            }
        }
        return ids;
    }
}
