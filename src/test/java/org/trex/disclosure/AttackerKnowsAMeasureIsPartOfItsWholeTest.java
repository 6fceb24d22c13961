package org.trex.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trex.spec.DisclosureRules;
import org.trex.spec.KAnonymityAction;

/**
 * Two measures of one output over the same records (ASCOF 2D's discharges, and those of them discharged to
 * reablement) are related in every cell: the count with a flag is at most the count without it, and a flag and its
 * negation add up to it. The attacker check once solved each measure alone and passed cells those relations give
 * away.
 */
class AttackerKnowsAMeasureIsPartOfItsWholeTest {
    /** Threshold 7, no rounding, protection range 7. */
    private static final DisclosureRules UNROUNDED = new DisclosureRules(5, KAnonymityAction.SUPPRESS, 7, 1);

    private static final Quantity DISCHARGES = new Quantity("records of inpatient_spell", Additivity.EXACT);
    private static final Quantity REABLEMENT =
            new Quantity("records of inpatient_spell where discharged_to_reablement", Additivity.EXACT);
    private static final Quantity NOT_REABLEMENT =
            new Quantity("records of inpatient_spell where not_discharged_to_reablement", Additivity.EXACT);

    /**
     * Discharges by sex, all published, and those to reablement with their total: the total less the men leaves 10
     * for women and the unknown sex together, each small and suppressed.
     */
    private static final List<Cell> BY_SEX = List.of(
            cell("discharges", DISCHARGES, "F", 8),
            cell("discharges", DISCHARGES, "M", 50),
            cell("discharges", DISCHARGES, "X", 9),
            cell("discharged_to_reablement", REABLEMENT, "F", 3),
            cell("discharged_to_reablement", REABLEMENT, "M", 20),
            cell("discharged_to_reablement", REABLEMENT, "X", 7),
            cell("discharged_to_reablement", REABLEMENT, "", 30));

    private static final List<PartsOfWhole> REABLEMENT_OF_DISCHARGES =
            List.of(PartsOfWhole.some(DISCHARGES, REABLEMENT));

    @Test
    void solvedAloneTheSuppressedPartsLookedWideEnough() {
        ProtectedCells alone = new CellProtection(UNROUNDED).protect(BY_SEX, ReleaseHistory.NONE);

        assertThat(alone.count(CellStatus.COMPLEMENTARY)).isZero();
        assertThat(alone.intervals()).containsOnly(
                Map.entry(key("discharged_to_reablement", "F"), new Interval(0, 10)),
                Map.entry(key("discharged_to_reablement", "X"), new Interval(0, 10)));
    }

    @Test
    void eachPartIsAtMostItsPublishedWholeWhichNarrowsBoth() {
        CellProtection protection = new CellProtection(UNROUNDED);
        List<DecidedCell> primary = BY_SEX.stream().map(c -> protection.primary(c, ReleaseHistory.NONE)).toList();

        // Women at most 8, so the unknown sex at least 2; the unknown sex at most 9, so women at least 1.
        assertThat(new AttackerCheck(new SmallCounts(UNROUNDED))
                .intervals(primary, Margins.relations(BY_SEX, REABLEMENT_OF_DISCHARGES))).containsOnly(
                Map.entry(key("discharged_to_reablement", "F"), new Interval(1, 8)),
                Map.entry(key("discharged_to_reablement", "X"), new Interval(2, 9)));
    }

    @Test
    void theWholeBesideTheFirstExposedPartIsSuppressedAndThatIsEnough() {
        ProtectedCells result = new CellProtection(UNROUNDED).protect(BY_SEX, REABLEMENT_OF_DISCHARGES,
                ReleaseHistory.NONE);

        assertThat(statuses(result)).containsExactly(
                Map.entry("by_sex.discharges{sex=F}", CellStatus.COMPLEMENTARY),
                Map.entry("by_sex.discharges{sex=M}", CellStatus.PUBLISHED),
                Map.entry("by_sex.discharges{sex=X}", CellStatus.PUBLISHED),
                Map.entry("by_sex.discharged_to_reablement{sex=F}", CellStatus.SMALL_COUNT),
                Map.entry("by_sex.discharged_to_reablement{sex=M}", CellStatus.PUBLISHED),
                Map.entry("by_sex.discharged_to_reablement{sex=X}", CellStatus.SMALL_COUNT),
                Map.entry("by_sex.discharged_to_reablement{}", CellStatus.PUBLISHED));
        assertThat(result.cells().get(0).reason()).isEqualTo("protects by_sex.discharged_to_reablement{sex=F}, which"
                + " an attacker could otherwise narrow to [1, 8]");
        assertThat(result.intervals()).containsOnly(
                Map.entry(key("discharges", "F"), new Interval(1, Double.POSITIVE_INFINITY)),
                Map.entry(key("discharged_to_reablement", "F"), new Interval(1, 10)),
                Map.entry(key("discharged_to_reablement", "X"), new Interval(0, 9)));
    }

    @Test
    void aWholeIsStillAPartOfItsOwnTotalWhenComplementsAreChosen() {
        List<Cell> cells = List.of(
                cell("discharges", DISCHARGES, "F", 3),
                cell("discharges", DISCHARGES, "M", 15),
                cell("discharges", DISCHARGES, "X", 12),
                cell("discharges", DISCHARGES, "", 30),
                cell("discharged_to_reablement", REABLEMENT, "M", 9));

        ProtectedCells result = new CellProtection(UNROUNDED.withProtectionRange(20))
                .protect(cells, REABLEMENT_OF_DISCHARGES, ReleaseHistory.NONE);

        // The men's discharges cover their reablement, yet in their own table they are a cell of the total, not a
        // total: they hide the women's discharges first, then their reablement hides them, and the total stays.
        assertThat(statuses(result)).containsExactly(
                Map.entry("by_sex.discharges{sex=F}", CellStatus.SMALL_COUNT),
                Map.entry("by_sex.discharges{sex=M}", CellStatus.COMPLEMENTARY),
                Map.entry("by_sex.discharges{sex=X}", CellStatus.COMPLEMENTARY),
                Map.entry("by_sex.discharges{}", CellStatus.PUBLISHED),
                Map.entry("by_sex.discharged_to_reablement{sex=M}", CellStatus.COMPLEMENTARY));
        assertThat(result.cells().get(1).reason()).startsWith("protects by_sex.discharges{sex=F}, ");
        assertThat(result.cells().get(4).reason()).isEqualTo("protects by_sex.discharges{sex=M}, which an attacker"
                + " could otherwise narrow to [9, 18]");
        assertThat(result.intervals()).containsEntry(key("discharges", "F"), new Interval(0, 30));
    }

    @Test
    void aFlagAndItsNegationAddUpToTheWhole() {
        List<Cell> total = List.of(
                cell("discharges", DISCHARGES, "", 43),
                cell("discharged_to_reablement", REABLEMENT, "", 3),
                cell("not_discharged_to_reablement", NOT_REABLEMENT, "", 40));
        List<PartsOfWhole> wholes =
                List.of(new PartsOfWhole(DISCHARGES, List.of(REABLEMENT, NOT_REABLEMENT), PartsOfWhole.Coverage.ALL));

        assertThat(new CellProtection(UNROUNDED).protect(total, ReleaseHistory.NONE).count(CellStatus.COMPLEMENTARY))
                .isZero();

        ProtectedCells result = new CellProtection(UNROUNDED).protect(total, wholes, ReleaseHistory.NONE);

        assertThat(statuses(result)).containsExactly(
                Map.entry("by_sex.discharges{}", CellStatus.PUBLISHED),
                Map.entry("by_sex.discharged_to_reablement{}", CellStatus.SMALL_COUNT),
                Map.entry("by_sex.not_discharged_to_reablement{}", CellStatus.COMPLEMENTARY));
        assertThat(result.cells().get(2).reason()).isEqualTo("protects by_sex.discharged_to_reablement{}, which an"
                + " attacker could otherwise narrow to [3, 3]");
        assertThat(result.intervals()).containsEntry(key("discharged_to_reablement", ""), new Interval(0, 43));
    }

    @Test
    void peopleWithAFlagAreAtMostThePeople() {
        Quantity people = new Quantity("people of inpatient_spell", Additivity.BOUNDED);
        Quantity reabled = new Quantity("people of inpatient_spell where discharged_to_reablement", Additivity.BOUNDED);
        List<Cell> cells = List.of(cell("people", people, "F", 9), cell("people_reabled", reabled, "F", 2));
        CellProtection protection = new CellProtection(UNROUNDED);
        List<DecidedCell> primary = cells.stream().map(c -> protection.primary(c, ReleaseHistory.NONE)).toList();
        AttackerCheck attacker = new AttackerCheck(new SmallCounts(UNROUNDED));

        assertThat(attacker.intervals(primary, Margins.relations(cells)))
                .containsOnly(Map.entry(key("people_reabled", "F"), new Interval(0, Double.POSITIVE_INFINITY)));
        assertThat(attacker.intervals(primary, Margins.relations(cells, List.of(PartsOfWhole.some(people, reabled)))))
                .containsOnly(Map.entry(key("people_reabled", "F"), new Interval(0, 9)));
    }

    @Test
    void aCellsPeopleAreAtMostItsRecords() {
        Quantity people = new Quantity("people of inpatient_spell", Additivity.BOUNDED);
        Cell discharges = cell("discharges", DISCHARGES, "F", 12);
        Cell shown = cell("people", people, "F", 10);
        // The women's discharges suppressed to protect another cell; their people shown.
        List<DecidedCell> decided = List.of(
                new DecidedCell(discharges, CellStatus.COMPLEMENTARY, Optional.empty(), "protects another"),
                new DecidedCell(shown, CellStatus.PUBLISHED, Optional.of(10L), "shown"));
        AttackerCheck attacker = new AttackerCheck(new SmallCounts(UNROUNDED));

        assertThat(attacker.intervals(decided, Margins.relations(List.of(discharges, shown))))
                .containsOnly(Map.entry(key("discharges", "F"), new Interval(0, Double.POSITIVE_INFINITY)));
        // Ten people have ten records or more.
        assertThat(attacker.intervals(decided, Margins.relations(List.of(discharges, shown),
                List.of(PartsOfWhole.some(DISCHARGES, people)))))
                .containsOnly(Map.entry(key("discharges", "F"), new Interval(10, Double.POSITIVE_INFINITY)));
    }

    @Test
    void relationsThatCannotHoldAreRefused() {
        Quantity people = new Quantity("people of inpatient_spell", Additivity.BOUNDED);

        assertThatThrownBy(() -> PartsOfWhole.some(people, REABLEMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot relate [records of inpatient_spell where discharged_to_reablement] to people of"
                        + " inpatient_spell: they count different things (records and people), which relate only as"
                        + " the people of some records (SOME)");
        assertThatThrownBy(() -> new PartsOfWhole(DISCHARGES, List.of(REABLEMENT), PartsOfWhole.Coverage.ALL))
                .hasMessage("Cannot say [records of inpatient_spell where discharged_to_reablement] cover all of"
                        + " records of inpatient_spell: one part covering all is the whole itself");
        assertThatThrownBy(() -> new Quantity("records", Additivity.AT_LEAST))
                .hasMessage("Cannot use quantity records as AT_LEAST: that is how a measure relates to its whole, not"
                        + " how a total relates to its cells");
    }

    private static Cell cell(String measure, Quantity quantity, String sex, long value) {
        return Cell.count(key(measure, sex), quantity, value);
    }

    private static CellKey key(String measure, String sex) {
        return CellKey.of("by_sex", measure, sex.isEmpty() ? Map.of() : Map.of("sex", sex));
    }

    private static Map<String, CellStatus> statuses(ProtectedCells result) {
        return result.cells().stream().collect(Collectors.toMap(c -> c.key().toString(), DecidedCell::status,
                (a, b) -> a, LinkedHashMap::new));
    }
}
