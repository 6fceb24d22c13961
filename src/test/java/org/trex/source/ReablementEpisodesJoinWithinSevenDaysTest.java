package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.junit.jupiter.api.Test;
import org.trex.source.jooq.health.Tables;
import org.trex.testing.SourceFixture;
import org.trex.testing.TestDatabase;

/**
 * ASCOF 2D's discharge into reablement, run by PostgreSQL: an episode must start 7 days before to 3 days after
 * discharge, and reablement events within 7 days of each other are one episode, starting with its first.
 */
class ReablementEpisodesJoinWithinSevenDaysTest {
    private static final LocalDate DISCHARGED = LocalDate.of(2024, 9, 16);
    private static final String ST_MAX = "Short term support: ST-Max";
    private static final String REABLEMENT = "Reablement";

    /** One person's reablement and other short-term events, by start and end day relative to discharge. */
    private record Event(String component, int startDay, Integer endDay) {
    }

    /** A person with one spell, their events, and whether they were discharged into reablement. */
    private record Case(String name, boolean intoReablement, List<Event> events) {
    }

    private static final List<Case> CASES = List.of(
            new Case("starts the day after discharge", true, List.of(new Event(REABLEMENT, 1, 30))),
            new Case("starts too late", false, List.of(new Event(REABLEMENT, 4, 30))),
            new Case("continues an episode that ended 6 days before", false,
                    List.of(new Event(REABLEMENT, -40, -5), new Event(REABLEMENT, 1, 30))),
            new Case("continues an episode that ended 7 days before", false,
                    List.of(new Event(REABLEMENT, -40, -6), new Event(REABLEMENT, 1, 30))),
            new Case("continues an episode still open", false,
                    List.of(new Event(REABLEMENT, -40, null), new Event(REABLEMENT, 2, 30))),
            new Case("follows an episode that ended 8 days before", true,
                    List.of(new Event(REABLEMENT, -40, -7), new Event(REABLEMENT, 1, 30))),
            new Case("follows other short-term support", true,
                    List.of(new Event("Short term residential care", -20, 0), new Event(REABLEMENT, -2, 30))),
            new Case("no reablement", false, List.of()));

    @Test
    void onlyAnEpisodeStartingAroundDischargeCounts() throws Exception {
        Map<Long, String> spells = new LinkedHashMap<>();
        Map<Long, Boolean> expected = new LinkedHashMap<>();
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            // Each case is one person with one spell; the number only has to be distinct.
            int n = 0;
            for (Case c : CASES) {
                String number = String.format("999%07d", ++n);
                long spell = fixture.spell(number, DISCHARGED.minusDays(12), DISCHARGED, DISCHARGED);
                long person = fixture.person(number, LocalDate.of(1944, 3, 10), "LE1 5WW");
                for (Event e : c.events()) {
                    fixture.service(person, ST_MAX, e.component(), DISCHARGED.plusDays(e.startDay()),
                            e.endDay() == null ? null : DISCHARGED.plusDays(e.endDay()));
                }
                spells.put(spell, c.name());
                expected.put(spell, c.intoReablement());
            }
        }

        Map<Long, Boolean> flagged = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Field<Boolean> reablement = (Field<Boolean>) SourceCatalog.standard().source("inpatient_spell")
                .requireField("discharged_to_reablement").expression();
        try (Connection connection = url.connect()) {
            SqlText.on(connection).select(Tables.INPATIENT_SPELL.SPELL_ID, reablement).from(Tables.INPATIENT_SPELL)
                    .fetch().forEach(row -> flagged.put(row.value1(), row.value2()));
        }

        assertThat(flagged).as("discharged into reablement, by case %s", spells).isEqualTo(expected);
    }
}
