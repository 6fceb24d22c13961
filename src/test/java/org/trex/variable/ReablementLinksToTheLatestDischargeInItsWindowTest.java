package org.trex.variable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trex.source.DatabaseUrl;
import org.trex.testing.CohortValues;
import org.trex.testing.SourceFixture;
import org.trex.testing.TestDatabase;

/**
 * ASCOF 2D's link, as the shipped definition makes it: a reablement cluster is linked to the person's latest
 * denominator discharge dated from 7 days before to 3 days after the cluster's start, admitted on or before
 * that start. Each person here has one cluster starting on {@link #START}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReablementLinksToTheLatestDischargeInItsWindowTest {
    private static final LocalDate START = LocalDate.of(2024, 7, 15);

    private Map<Long, Object> linked;
    private long sevenBefore;
    private long eightBefore;
    private long threeAfter;
    private long fourAfter;
    private long earlierOfTwo;
    private long laterOfTwo;
    private long admittedAfterStart;
    private int people;

    @BeforeAll
    void rows() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture rows = SourceFixture.on(url)) {
            sevenBefore = discharges(rows, START.minusDays(7))[0];
            eightBefore = discharges(rows, START.minusDays(8))[0];
            threeAfter = discharges(rows, START.plusDays(3))[0];
            fourAfter = discharges(rows, START.plusDays(4))[0];
            long[] two = discharges(rows, START.minusDays(6), START.minusDays(2));
            earlierOfTwo = two[0];
            laterOfTwo = two[1];
            String number = SourceFixture.nhsNumber(++people);
            rows.reablement(rows.person(number), START, START.plusDays(20));
            admittedAfterStart = rows.spellWith(number, START.plusDays(1), START.plusDays(2));
        }
        linked = CohortValues.of(url, Path.of("extracts/reablement-ascof-2d.yaml")).of("ascof_2d_reablement_start");
    }

    /**
     * A person with a reablement cluster from {@link #START} and spells discharged on these dates (admitted 3 days
     * before START).
     */
    private long[] discharges(SourceFixture rows, LocalDate... dates) throws Exception {
        String number = SourceFixture.nhsNumber(++people);
        rows.reablement(rows.person(number), START, START.plusDays(20));
        long[] spells = new long[dates.length];
        for (int i = 0; i < dates.length; i++) {
            LocalDate admitted = dates[i].isBefore(START) ? dates[i].minusDays(3) : START.minusDays(3);
            spells[i] = rows.spellWith(number, admitted, dates[i]);
        }
        return spells;
    }

    @Test
    void aDischargeSevenDaysBeforeTheStartIsLinkedAndEightDaysIsNot() {
        assertThat(linked.get(sevenBefore)).isEqualTo(START);
        assertThat(linked).containsKey(eightBefore);
        assertThat(linked.get(eightBefore)).isNull();
    }

    @Test
    void aDischargeThreeDaysAfterTheStartIsLinkedAndFourDaysIsNot() {
        assertThat(linked.get(threeAfter)).isEqualTo(START);
        assertThat(linked).containsKey(fourAfter);
        assertThat(linked.get(fourAfter)).isNull();
    }

    @Test
    void onlyTheLatestOfTwoDischargesInTheWindowIsLinked() {
        assertThat(linked.get(laterOfTwo)).isEqualTo(START);
        assertThat(linked).containsKey(earlierOfTwo);
        assertThat(linked.get(earlierOfTwo)).isNull();
    }

    @Test
    void aSpellAdmittedAfterTheClusterStartIsNotLinked() {
        assertThat(linked).containsKey(admittedAfterStart);
        assertThat(linked.get(admittedAfterStart)).isNull();
    }
}
