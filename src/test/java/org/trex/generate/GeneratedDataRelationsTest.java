package org.trex.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trex.nhs.NhsNumber;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

class GeneratedDataRelationsTest {
    /** Events with their person. */
    private static final String EVENTS = "SELECT count(*) FROM social_care.event e"
            + " JOIN social_care.person p USING (person_id)";
    /** Events with the spells under their person's number, as the linkage normalises it. */
    private static final String EVENTS_AND_SPELLS = EVENTS + " JOIN health.inpatient_spell s"
            + " ON s.nhs_number = regexp_replace(p.nhs_number, '[ -]', '', 'g')";
    private static DatabaseUrl url;

    @BeforeAll
    static void generate() {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 20_000, 11);
    }

    @Test
    void hospitalDatesAreInOrder() {
        String spells = "SELECT count(*) FROM health.inpatient_spell";
        assertNone(spells + " WHERE discharge_date < admission_date"
                + " OR discharge_ready_date < admission_date OR discharge_ready_date > discharge_date"
                + " OR admission_date < DATE '2022-01-01' OR admission_date > DATE '2026-06-30'"
                + " OR admission_date < date_of_birth");
        assertNone(spells + " WHERE discharge_date IS NULL"
                + " AND (discharge_method IS NOT NULL OR discharge_ready_date IS NOT NULL)");
        assertNone(spells + " WHERE (discharge_method = '4') <> (discharge_destination = '79')");
    }

    @Test
    void careEventsFallWithinLife() {
        assertNone(EVENTS + " WHERE e.event_start_date < p.date_of_birth OR e.event_start_date > p.date_of_death"
                + " OR e.event_end_date > p.date_of_death OR e.event_end_date < e.event_start_date"
                + " OR e.event_start_date > DATE '2026-06-30'");
        assertNone(EVENTS + " WHERE p.date_of_death IS NOT NULL AND e.event_end_date IS NULL");
    }

    @Test
    void noHospitalActivityAfterDeathInCouncilRecords() {
        assertNone("SELECT count(*) FROM health.inpatient_spell s JOIN social_care.person p"
                + " ON regexp_replace(p.nhs_number, '[ -]', '', 'g') = s.nhs_number"
                + " WHERE p.nhs_number_trace_status = 'matched' AND s.admission_date > p.date_of_death");
    }

    @Test
    void everyNumberIsA999NumberAndOnlyTheDeliberateOnesAreInvalid() {
        List<String> council = Sql.strings(url,
                "SELECT nhs_number FROM social_care.person WHERE nhs_number IS NOT NULL");
        assertThat(council).allSatisfy(n -> assertThat(NhsNumber.normalise(n)).matches("999[0-9]{7}"));
        assertThat((double) invalid(council) / council.size()).isLessThan(SyntheticData.BAD_CHECK_DIGIT_RATE * 2);
        List<String> spells = Sql.strings(url,
                "SELECT DISTINCT nhs_number FROM health.inpatient_spell WHERE nhs_number IS NOT NULL");
        assertThat(spells).isNotEmpty().allSatisfy(n -> assertThat(NhsNumber.normalise(n)).matches("999[0-9]{7}"));
        long invalidOnSpells = invalid(spells);
        assertThat(invalidOnSpells).isPositive();
        assertThat((double) invalidOnSpells / spells.size())
                .isLessThan(SyntheticData.HOSPITAL_BAD_CHECK_DIGIT_RATE * 2);
        List<String> health = Sql.strings(url, "SELECT nhs_number FROM health.gp_registration"
                + " UNION SELECT nhs_number FROM health.gp_opt_out_record"
                + " UNION SELECT nhs_number FROM opt_out.national_data_allow_list");
        assertThat(health).isNotEmpty().allSatisfy(n -> {
            assertThat(n).startsWith("999");
            assertThat(NhsNumber.isValidNormalised(n)).isTrue();
        });
    }

    @Test
    void reablementFollowsDischarges() {
        assertThat(Sql.count(url, EVENTS_AND_SPELLS
                + " WHERE e.service_type = 'Short term support: ST-Max' AND e.service_component = 'Reablement'"
                + " AND e.event_start_date BETWEEN s.discharge_date - 7 AND s.discharge_date + 3")).isPositive();
        assertThat(Sql.count(url, EVENTS_AND_SPELLS
                + " WHERE e.service_type IN ('Long term support: Residential care', 'Long term support: Nursing care')"
                + " AND e.event_start_date BETWEEN s.discharge_date AND s.discharge_date + 28")).isPositive();
    }

    @Test
    void theAllowListHoldsOnlyNumbersOfTheSource() {
        assertThat(Sql.count(url, "SELECT count(*) FROM opt_out.national_data_allow_list a WHERE NOT EXISTS"
                + " (SELECT 1 FROM health.gp_registration g WHERE g.nhs_number = a.nhs_number)"
                + " AND NOT EXISTS (SELECT 1 FROM social_care.person p"
                + " WHERE replace(replace(p.nhs_number, ' ', ''), '-', '') = a.nhs_number)")).isZero();
        assertThat(Sql.count(url, "SELECT count(*) FROM opt_out.national_data_allow_list")).isPositive();
    }

    @Test
    void secondaryIndexesAreBackAfterLoading() {
        assertThat(Sql.strings(url, "SELECT indexname FROM pg_indexes WHERE schemaname IN"
                + " ('social_care', 'health', 'opt_out')")).contains("person_nhs_number", "event_person",
                "inpatient_spell_nhs_number", "inpatient_spell_discharge_date", "gp_registration_nhs_number",
                "gp_opt_out_record_nhs_number", "local_objection_person");
    }

    private static void assertNone(String countSql) {
        assertThat(Sql.count(url, countSql)).as(countSql).isZero();
    }

    /** How many of these numbers, as a source holds them, are not valid once normalised. */
    private static long invalid(List<String> numbers) {
        return numbers.stream().filter(n -> !NhsNumber.isValidNormalised(NhsNumber.normalise(n))).count();
    }
}
