package org.trex.variable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trex.source.DatabaseUrl;
import org.trex.testing.CohortValues;
import org.trex.testing.SourceFixture;
import org.trex.testing.TestDatabase;

/**
 * Each of ASCOF 2D's denominator exclusions, as the reference lists them, leaves out a spell that differs from
 * an included one only in that: one person and one spell per case, discharged in the period at age 80.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AscofDenominatorLeavesOutEachExclusionTest {
    private static final LocalDate ADMITTED = LocalDate.of(2024, 6, 1);
    private static final LocalDate DISCHARGED = LocalDate.of(2024, 6, 10);
    private static final List<String> TREATMENT_FUNCTIONS = List.of("199", "223", "290", "291", "331", "344", "345",
            "346", "424", "499", "501", "504", "560", "660", "661", "662", "840", "920", "650", "656", "700", "710",
            "799");

    private final Map<String, Long> spells = new HashMap<>();
    private Set<Long> cohort;

    static Stream<String> excluded() {
        List<String> changes =
                new ArrayList<>(List.of("admission_method=31", "admission_method=32", "admission_method=82",
                "admission_method=83", "discharge_method=4", "discharge_method=5", "discharge_destination=49",
                "discharge_destination=50", "discharge_destination=51", "discharge_destination=52",
                "discharge_destination=79", "discharge_destination=87", "discharge_destination=88",
                "admission_date=2024-06-10", "admission_date=2023-03-31", "nhs_number=", "date_of_birth=1959-06-11"));
        TREATMENT_FUNCTIONS.forEach(code -> changes.add("treatment_function=" + code));
        return changes.stream();
    }

    static Stream<String> included() {
        return Stream.of("admission_method=11", "admission_method=81", "discharge_destination=19",
                "treatment_function=300",
                "treatment_function=502", "treatment_function=600", "admission_date=2023-04-01",
                "date_of_birth=1959-06-10");
    }

    @BeforeAll
    void rows() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture rows = SourceFixture.on(url)) {
            int n = 0;
            for (String change : Stream.concat(excluded(), included()).toList()) {
                spells.put(change, rows.spellWith(SourceFixture.nhsNumber(++n), ADMITTED, DISCHARGED, change));
            }
            for (String service : List.of("Long term support: Nursing care", "Long term support: Residential care",
                    "Long term support: Prison", "Long term support: Community")) {
                String number = SourceFixture.nhsNumber(++n);
                rows.service(rows.person(number), service, "Long term residential care", ADMITTED.minusYears(1), null);
                spells.put(service, rows.spellWith(number, ADMITTED, DISCHARGED));
            }
            String number = SourceFixture.nhsNumber(++n);
            rows.service(rows.person(number), "Long term support: Residential care", "Long term residential care",
                    ADMITTED.minusYears(1), ADMITTED.minusDays(1));
            spells.put("residential care ended the day before admission", rows.spellWith(number, ADMITTED, DISCHARGED));
            number = SourceFixture.nhsNumber(++n);
            rows.service(rows.person(number), "Long term support: Residential care", "Long term residential care",
                    ADMITTED, ADMITTED.plusDays(3));
            spells.put("residential care from the admission date", rows.spellWith(number, ADMITTED, DISCHARGED));
        }
        cohort = CohortValues.of(url, Path.of("extracts/reablement-ascof-2d.yaml")).of("spell_id").keySet();
    }

    @ParameterizedTest
    @MethodSource("excluded")
    void leavesOut(String change) {
        assertThat(cohort).doesNotContain(spells.get(change));
    }

    @ParameterizedTest
    @MethodSource("included")
    void keeps(String change) {
        assertThat(cohort).contains(spells.get(change));
    }

    @Test
    void leavesOutPeopleInLongTermNursingResidentialOrPrisonSupportAtAdmission() {
        assertThat(cohort).doesNotContain(spells.get("Long term support: Nursing care"),
                spells.get("Long term support: Residential care"), spells.get("Long term support: Prison"),
                spells.get("residential care from the admission date"));
    }

    @Test
    void keepsPeopleInLongTermCommunitySupportOrWhoseResidentialCareEndedBeforeAdmission() {
        assertThat(cohort).contains(spells.get("Long term support: Community"),
                spells.get("residential care ended the day before admission"));
    }
}
