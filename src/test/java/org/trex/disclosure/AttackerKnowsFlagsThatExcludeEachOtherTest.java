package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trex.disclosure.ReadyWithCare.DISCHARGES;
import static org.trex.disclosure.ReadyWithCare.NOT_READY;
import static org.trex.disclosure.ReadyWithCare.READY;
import static org.trex.disclosure.ReadyWithCare.UNROUNDED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Discharges ready on the day with care, and discharges not ready on the day with care, count no discharge twice:
 * together they are at most all discharges. Each alone is at most the whole, which leaves a small suppressed count
 * wide open; with the whole and the other part published, an attacker narrows it to the difference.
 */
class AttackerKnowsFlagsThatExcludeEachOtherTest {
    private static final List<Cell> TOTALS = List.of(
            Cell.count(CellKey.of("summary", "discharges", Map.of()), DISCHARGES, 18),
            Cell.count(CellKey.of("summary", "ready_with_care", Map.of()), READY, 12),
            Cell.count(CellKey.of("summary", "not_ready_with_care", Map.of()), NOT_READY, 4));

    @Test
    void eachPartAloneLeavesTheSmallCountWideOpen() {
        ProtectedCells result = new CellProtection(UNROUNDED).protect(TOTALS,
                List.of(PartsOfWhole.some(DISCHARGES, READY), PartsOfWhole.some(DISCHARGES, NOT_READY)),
                ReleaseHistory.NONE);

        assertThat(result.count(CellStatus.COMPLEMENTARY)).isZero();
        assertThat(result.intervals()).containsEntry(CellKey.of("summary", "not_ready_with_care", Map.of()),
                new Interval(0, 18));
    }

    @Test
    void togetherAtMostTheWholeTheyAreProtected() {
        ProtectedCells result = new CellProtection(UNROUNDED).protect(TOTALS,
                List.of(new PartsOfWhole(DISCHARGES, List.of(NOT_READY, READY), PartsOfWhole.Coverage.DISJOINT)),
                ReleaseHistory.NONE);

        assertThat(statuses(result)).containsExactly(
                Map.entry("summary.discharges{}", CellStatus.PUBLISHED),
                Map.entry("summary.ready_with_care{}", CellStatus.COMPLEMENTARY),
                Map.entry("summary.not_ready_with_care{}", CellStatus.SMALL_COUNT));
        assertThat(result.cells().get(1).reason()).isEqualTo("protects summary.not_ready_with_care{}, which an"
                + " attacker could otherwise narrow to [0, 6]");
    }

    @Test
    void peopleAreNeverDisjointParts() {
        Quantity people = new Quantity("people of inpatient_spell", Additivity.BOUNDED);
        Quantity readyPeople = new Quantity("people of inpatient_spell where ready_with_care", Additivity.BOUNDED);
        Quantity notReadyPeople =
                new Quantity("people of inpatient_spell where not_ready_with_care", Additivity.BOUNDED);

        assertThatThrownBy(() -> new PartsOfWhole(people, List.of(readyPeople, notReadyPeople),
                PartsOfWhole.Coverage.DISJOINT)).hasMessage("Cannot say [people of inpatient_spell where"
                + " ready_with_care, people of inpatient_spell where not_ready_with_care] count none of one another's"
                + " people in people of inpatient_spell: one person may be counted in each");
    }

    private static Map<String, CellStatus> statuses(ProtectedCells result) {
        return result.cells().stream().collect(Collectors.toMap(c -> c.key().toString(), DecidedCell::status,
                (a, b) -> a, LinkedHashMap::new));
    }
}
