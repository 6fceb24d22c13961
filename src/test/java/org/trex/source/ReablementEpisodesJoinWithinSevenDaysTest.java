package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

    @Test
    void onlyAnEpisodeStartingAroundDischargeCounts() throws Exception {
        Map<Long, String> spells = new LinkedHashMap<>();
        Map<Long, Boolean> expected = new LinkedHashMap<>();
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            // Each case is one person with one spell; the number only has to be distinct.
            int n = 0;
            for (Case c : Case.values()) {
                String number = String.format("999%07d", ++n);
                long spell = fixture.spell(number, DISCHARGED.minusDays(12), DISCHARGED, DISCHARGED);
                long person = fixture.person(number, LocalDate.of(1944, 3, 10), "LE1 5WW");
                c.events(fixture, person);
                spells.put(spell, c.name());
                expected.put(spell, c.intoReablement);
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

    private enum Case {
        STARTS_THE_DAY_AFTER_DISCHARGE(true) {
            @Override
            void events(SourceFixture fixture, long person) throws Exception {
                fixture.service(person, ST_MAX, "Reablement", DISCHARGED.plusDays(1), DISCHARGED.plusDays(30));
            }
        },
        STARTS_TOO_LATE(false) {
            @Override
            void events(SourceFixture fixture, long person) throws Exception {
                fixture.service(person, ST_MAX, "Reablement", DISCHARGED.plusDays(4), DISCHARGED.plusDays(30));
            }
        },
        CONTINUES_AN_EPISODE_THAT_ENDED_SIX_DAYS_BEFORE(false) {
            @Override
            void events(SourceFixture fixture, long person) throws Exception {
                fixture.service(person, ST_MAX, "Reablement", DISCHARGED.minusDays(40), DISCHARGED.minusDays(5));
                fixture.service(person, ST_MAX, "Reablement", DISCHARGED.plusDays(1), DISCHARGED.plusDays(30));
            }
        },
        CONTINUES_AN_EPISODE_STILL_OPEN(false) {
            @Override
            void events(SourceFixture fixture, long person) throws Exception {
                fixture.service(person, ST_MAX, "Reablement", DISCHARGED.minusDays(40), null);
                fixture.service(person, ST_MAX, "Reablement", DISCHARGED.plusDays(2), DISCHARGED.plusDays(30));
            }
        },
        CONTINUES_AN_EPISODE_THAT_ENDED_SEVEN_DAYS_BEFORE(false) {
            @Override
            void events(SourceFixture fixture, long person) throws Exception {
                fixture.service(person, ST_MAX, "Reablement", DISCHARGED.minusDays(40), DISCHARGED.minusDays(6));
                fixture.service(person, ST_MAX, "Reablement", DISCHARGED.plusDays(1), DISCHARGED.plusDays(30));
            }
        },
        FOLLOWS_AN_EPISODE_THAT_ENDED_EIGHT_DAYS_BEFORE(true) {
            @Override
            void events(SourceFixture fixture, long person) throws Exception {
                fixture.service(person, ST_MAX, "Reablement", DISCHARGED.minusDays(40), DISCHARGED.minusDays(7));
                fixture.service(person, ST_MAX, "Reablement", DISCHARGED.plusDays(1), DISCHARGED.plusDays(30));
            }
        },
        FOLLOWS_OTHER_SHORT_TERM_SUPPORT(true) {
            @Override
            void events(SourceFixture fixture, long person) throws Exception {
                fixture.service(person, ST_MAX, "Short term residential care", DISCHARGED.minusDays(20), DISCHARGED);
                fixture.service(person, ST_MAX, "Reablement", DISCHARGED.minusDays(2), DISCHARGED.plusDays(30));
            }
        },
        NO_REABLEMENT(false) {
            @Override
            void events(SourceFixture fixture, long person) {
            }
        };

        private final boolean intoReablement;

        Case(boolean intoReablement) {
            this.intoReablement = intoReablement;
        }

        abstract void events(SourceFixture fixture, long person) throws Exception;
    }
}
