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
 * ASCOF 2D part 1 outcomes of a discharge into reablement, at their boundaries: death, an emergency readmission
 * (admitted after both the discharge and the cluster start) and new long-term residential or nursing care, each
 * from the discharge date to 84 days after it; the outcome is achieved when none happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AscofOutcomesCountWithin84DaysTest {
    private static final LocalDate DISCHARGED = LocalDate.of(2024, 6, 10);

    private Map<Long, Object> died;
    private Map<Long, Object> readmitted;
    private Map<Long, Object> longTermCare;
    private Map<Long, Object> achieved;
    private int people;
    private String number;
    private long personId;
    private long diedOnDay84;
    private long diedOnDay85;
    private long readmittedOnDay84;
    private long readmittedOnDay85;
    private long electiveReadmission;
    private long zeroDayReadmission;
    private long careOnDay84;
    private long careOnDay85;
    private long nothingHappened;

    @BeforeAll
    void rows() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture rows = SourceFixture.on(url)) {
            diedOnDay84 = discharge(rows);
            rows.died(personId, DISCHARGED.plusDays(84));
            diedOnDay85 = discharge(rows);
            rows.died(personId, DISCHARGED.plusDays(85));
            readmittedOnDay84 = discharge(rows);
            rows.spellWith(number, DISCHARGED.plusDays(84), DISCHARGED.plusDays(90));
            readmittedOnDay85 = discharge(rows);
            rows.spellWith(number, DISCHARGED.plusDays(85), DISCHARGED.plusDays(90));
            electiveReadmission = discharge(rows);
            rows.spellWith(number, DISCHARGED.plusDays(10), DISCHARGED.plusDays(12), "admission_method=11");
            zeroDayReadmission = discharge(rows);
            rows.spellWith(number, DISCHARGED.plusDays(10), DISCHARGED.plusDays(10));
            careOnDay84 = discharge(rows);
            rows.service(personId, "Long term support: Nursing care", "Long term residential care",
                    DISCHARGED.plusDays(84), null);
            careOnDay85 = discharge(rows);
            rows.service(personId, "Long term support: Residential care", "Long term residential care",
                    DISCHARGED.plusDays(85), null);
            nothingHappened = discharge(rows);
        }
        CohortValues values = CohortValues.of(url, Path.of("extracts/reablement-ascof-2d.yaml"));
        died = values.of("died_within_84_days");
        readmitted = values.of("emergency_readmission_within_84_days");
        longTermCare = values.of("new_long_term_care_within_84_days");
        achieved = values.of("reablement_outcome_achieved");
    }

    /** A person discharged on {@link #DISCHARGED} into reablement starting two days later; the spell's ID. */
    private long discharge(SourceFixture rows) throws Exception {
        number = SourceFixture.nhsNumber(++people);
        personId = rows.person(number);
        rows.reablement(personId, DISCHARGED.plusDays(2), DISCHARGED.plusDays(30));
        return rows.spellWith(number, DISCHARGED.minusDays(9), DISCHARGED);
    }

    @Test
    void deathOnDay84CountsAndOnDay85DoesNot() {
        assertThat(died.get(diedOnDay84)).isEqualTo(true);
        assertThat(died.get(diedOnDay85)).isEqualTo(false);
        assertThat(achieved.get(diedOnDay84)).isEqualTo(false);
        assertThat(achieved.get(diedOnDay85)).isEqualTo(true);
    }

    @Test
    void anEmergencyAdmissionOnDay84CountsAndOnDay85DoesNot() {
        assertThat(readmitted.get(readmittedOnDay84)).isEqualTo(true);
        assertThat(readmitted.get(readmittedOnDay85)).isEqualTo(false);
        assertThat(achieved.get(readmittedOnDay84)).isEqualTo(false);
    }

    @Test
    void electiveAndZeroDayAdmissionsAreNotReadmissions() {
        assertThat(readmitted.get(electiveReadmission)).isEqualTo(false);
        assertThat(readmitted.get(zeroDayReadmission)).isEqualTo(false);
    }

    @Test
    void longTermCareStartingOnDay84CountsAndOnDay85DoesNot() {
        assertThat(longTermCare.get(careOnDay84)).isEqualTo(true);
        assertThat(longTermCare.get(careOnDay85)).isEqualTo(false);
        assertThat(achieved.get(careOnDay84)).isEqualTo(false);
    }

    @Test
    void theOutcomeIsAchievedWhenNothingHappened() {
        assertThat(died.get(nothingHappened)).isEqualTo(false);
        assertThat(readmitted.get(nothingHappened)).isEqualTo(false);
        assertThat(longTermCare.get(nothingHappened)).isEqualTo(false);
        assertThat(achieved.get(nothingHappened)).isEqualTo(true);
    }
}
