package org.trex.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trex.source.DatabaseUrl;
import org.trex.testing.CohortValues;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * The generated demo population reaches every rule of ASCOF 2D: each denominator exclusion has spells to leave
 * out (discharged in 2024/25 at 65 or over), reablement events follow one another on both sides of the 7-day
 * gap that joins clusters, and discharges are linked at both ends of the link window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPopulationReachesEveryAscofRuleTest {
    private static final String CANDIDATES = "SELECT count(*) FROM health.inpatient_spell s WHERE s.discharge_date"
            + " BETWEEN DATE '2024-04-01' AND DATE '2025-03-31'"
            + " AND s.date_of_birth <= s.discharge_date - INTERVAL '65 years'"
            + " AND ";
    private DatabaseUrl url;

    @BeforeAll
    void generate() {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 12_000, 7);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "s.admission_method IN ('31', '32')",
        "s.admission_method IN ('82', '83')",
        "s.discharge_method = '4'",
        "s.discharge_method = '5'",
        "s.discharge_destination IN ('49', '50', '51', '52')",
        "s.discharge_destination IN ('87', '88')",
        "s.treatment_function IN ('199', '424', '501', '920')",
        "s.treatment_function LIKE '65%'",
        "s.treatment_function LIKE '7%'",
        "s.admission_date = s.discharge_date",
        "EXISTS (SELECT 1 FROM social_care.event e JOIN social_care.person p USING (person_id)"
                + " WHERE replace(replace(p.nhs_number, ' ', ''), '-', '') = s.nhs_number"
                + " AND e.service_type IN ('Long term support: Nursing care', 'Long term support: Residential care')"
                + " AND e.event_start_date <= s.admission_date"
                + " AND (e.event_end_date IS NULL OR e.event_end_date >= s.admission_date))"})
    void eachExclusionHasSpellsToLeaveOut(String excluded) {
        assertThat(Sql.count(url, CANDIDATES + excluded)).isPositive();
    }

    @Test
    void reablementEventsFollowOnBothSidesOfTheSevenDayGap() {
        String gaps = "SELECT start - previous_end FROM (SELECT e.event_start_date AS start, max(e.event_end_date)"
                + " OVER (PARTITION BY e.person_id ORDER BY e.event_start_date, e.event_id ROWS BETWEEN UNBOUNDED"
                + " PRECEDING AND 1 PRECEDING) AS previous_end FROM social_care.event e"
                + " WHERE e.service_type = 'Short term support: ST-Max') g WHERE previous_end IS NOT NULL";
        assertThat(Sql.strings(url, gaps)).contains("7", "8");
    }

    @Test
    void dischargesAreLinkedAtBothEndsOfTheWindow() {
        CohortValues ascof = CohortValues.of(url, Path.of("extracts/reablement-ascof-2d.yaml"));
        Map<Long, Object> starts = ascof.of("ascof_2d_reablement_start");
        Map<Long, Object> discharges = ascof.of("discharge_date");
        Set<Long> days = starts.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> ChronoUnit.DAYS.between((LocalDate) discharges.get(e.getKey()), (LocalDate) e.getValue()))
                .collect(Collectors.toSet());

        assertThat(days).contains(-3L, 7L).allMatch(d -> d >= -3 && d <= 7);
    }
}
