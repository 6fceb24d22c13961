package org.trex.variable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trex.source.DatabaseUrl;
import org.trex.testing.CohortValues;
import org.trex.testing.SourceFixture;
import org.trex.testing.TestDatabase;

/**
 * ASCOF 2D's reablement clusters, as the shipped definition builds them: an event starting no more than 7 days
 * after the latest end so far joins the cluster (the reference: DATEDIFF(previous end, start) <= 7). A second
 * discharge just before the second event shows where a cluster starts: it links only to a cluster of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReablementEpisodesJoinWithinSevenDaysTest {
    private static final LocalDate FIRST_START = LocalDate.of(2024, 6, 11);
    private static final LocalDate FIRST_END = LocalDate.of(2024, 6, 20);

    private final Map<Integer, Long> people = new HashMap<>();
    private DatabaseUrl url;
    private Map<Long, Object> clusterStart;
    private long gapSevenFirst;
    private long gapSevenSecond;
    private long gapEightFirst;
    private long gapEightSecond;
    private long latestEndSecond;
    private long openEndSecond;

    @BeforeAll
    void rows() throws Exception {
        url = TestDatabase.fresh();
        try (SourceFixture rows = SourceFixture.on(url)) {
            long[] gapSeven = person(rows, 1, FIRST_END, FIRST_END.plusDays(7));
            gapSevenFirst = gapSeven[0];
            gapSevenSecond = gapSeven[1];
            long[] gapEight = person(rows, 2, FIRST_END, FIRST_END.plusDays(8));
            gapEightFirst = gapEight[0];
            gapEightSecond = gapEight[1];
            // A long first event and a short one inside it: the gap is measured from the latest end so far.
            long[] latestEnd = person(rows, 3, LocalDate.of(2024, 7, 30), LocalDate.of(2024, 8, 6));
            rows.reablement(personOf(3), FIRST_START.plusDays(2), FIRST_START.plusDays(4));
            latestEndSecond = latestEnd[1];
            // An ongoing first event takes in every later one.
            long[] openEnd = person(rows, 4, null, LocalDate.of(2024, 9, 30));
            openEndSecond = openEnd[1];
        }
        clusterStart = CohortValues.of(url, Path.of("extracts/reablement-ascof-2d.yaml"))
                .of("ascof_2d_reablement_start");
    }

    private long personOf(int n) {
        return people.get(n);
    }

    /**
     * A person discharged the day before a reablement event from {@link #FIRST_START} to {@code firstEnd}, with a
     * second event starting {@code secondStart} and a second discharge two days before it; the two spells' IDs.
     */
    private long[] person(SourceFixture rows, int n, LocalDate firstEnd, LocalDate secondStart) throws Exception {
        String number = SourceFixture.nhsNumber(n);
        long person = rows.person(number);
        people.put(n, person);
        rows.reablement(person, FIRST_START, firstEnd);
        rows.reablement(person, secondStart, secondStart.plusDays(10));
        long first = rows.spellWith(number, FIRST_START.minusDays(10), FIRST_START.minusDays(1));
        long second = rows.spellWith(number, secondStart.minusDays(5), secondStart.minusDays(2));
        return new long[] {first, second};
    }

    @Test
    void anEventStartingSevenDaysAfterTheEndJoinsTheCluster() {
        assertThat(clusterStart.get(gapSevenFirst)).isEqualTo(FIRST_START);
        assertThat(clusterStart.get(gapSevenSecond)).isNull();
    }

    @Test
    void anEventStartingEightDaysAfterTheEndStartsAClusterOfItsOwn() {
        assertThat(clusterStart.get(gapEightFirst)).isEqualTo(FIRST_START);
        assertThat(clusterStart.get(gapEightSecond)).isEqualTo(FIRST_END.plusDays(8));
    }

    @Test
    void theGapIsCountedFromTheLatestEndSoFarNotTheLastEventsEnd() {
        assertThat(clusterStart.get(latestEndSecond)).isNull();
    }

    @Test
    void anOngoingEventTakesInEveryLaterOne() {
        assertThat(clusterStart.get(openEndSecond)).isNull();
    }
}
