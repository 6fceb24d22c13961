package org.trex.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

class GeneratedDataRatesTest {
    private static final String PRIMARY = "FROM social_care.person WHERE person_id % 2 = 1";
    private static DatabaseUrl url;

    @BeforeAll
    static void generate() {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 20_000, 7);
    }

    private static double councilShare(String condition) {
        return Sql.share(url, "SELECT count(*) " + PRIMARY + " AND " + condition, "SELECT count(*) " + PRIMARY);
    }

    @Test
    void nhsNumberEdgeCasesOccurAtTheirDocumentedRates() {
        assertThat(councilShare("nhs_number IS NULL")).isCloseTo(SyntheticData.MISSING_NUMBER_RATE, within(0.012));
        assertThat(councilShare("nhs_number_trace_status = 'superseded'"))
                .isCloseTo(SyntheticData.SUPERSEDED_RATE, within(0.004));
        assertThat(councilShare("nhs_number_trace_status = 'unverified'"))
                .isCloseTo(SyntheticData.UNVERIFIED_RATE + SyntheticData.BAD_CHECK_DIGIT_RATE, within(0.015));
        assertThat(councilShare("nhs_number LIKE '% % %'")).isCloseTo(SyntheticData.SPACED_NUMBER_RATE, within(0.015));
        assertThat(councilShare("nhs_number LIKE '%-%-%'")).isCloseTo(SyntheticData.DASHED_NUMBER_RATE, within(0.008));
    }

    @Test
    void hospitalNumberEdgeCasesOccurAtTheirDocumentedRatesPerPatient() {
        String patients = "SELECT count(DISTINCT spell_id / 100) FROM health.inpatient_spell";
        assertThat(Sql.share(url, patients + " WHERE nhs_number IS NULL", patients))
                .isCloseTo(SyntheticData.HOSPITAL_MISSING_NUMBER_RATE, within(0.005));
        assertThat(Sql.share(url, patients + " WHERE nhs_number LIKE '___ ___ ____'", patients))
                .isCloseTo(SyntheticData.HOSPITAL_SPACED_NUMBER_RATE, within(0.008));
        String numbers = "SELECT DISTINCT nhs_number FROM health.inpatient_spell WHERE nhs_number IS NOT NULL";
        long bad = Sql.strings(url, numbers).stream()
                .filter(n -> !org.trex.nhs.NhsNumber.isValidNormalised(org.trex.nhs.NhsNumber.normalise(n)))
                .count();
        assertThat((double) bad / Sql.count(url, patients))
                .isCloseTo(SyntheticData.HOSPITAL_BAD_CHECK_DIGIT_RATE, within(0.002));
        assertThat(Sql.count(url, "SELECT count(*) FROM (SELECT spell_id / 100 FROM health.inpatient_spell"
                + " GROUP BY spell_id / 100 HAVING count(DISTINCT coalesce(nhs_number, '')) > 1) t"))
                .as("a patient's spells all carry the same recorded number").isZero();
    }

    @Test
    void badCheckDigitsAreAboutHalfAPercent() {
        long bad = Sql.strings(url, "SELECT nhs_number " + PRIMARY + " AND nhs_number IS NOT NULL").stream()
                .filter(n -> !org.trex.nhs.NhsNumber.isValidNormalised(org.trex.nhs.NhsNumber.normalise(n))).count();
        double share = (double) bad / Sql.count(url, "SELECT count(*) " + PRIMARY);
        assertThat(share).isCloseTo(SyntheticData.BAD_CHECK_DIGIT_RATE, within(0.003));
    }

    @Test
    void duplicateRecordsShareANumber() {
        double duplicates = Sql.share(url,
                "SELECT count(*) FROM social_care.person WHERE person_id % 2 = 0",
                "SELECT count(*) " + PRIMARY + " AND nhs_number IS NOT NULL");
        assertThat(duplicates).isCloseTo(SyntheticData.DUPLICATE_RECORD_RATE, within(0.004));
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.person d JOIN social_care.person p"
                + " ON p.person_id = d.person_id - 1 WHERE d.person_id % 2 = 0"
                + " AND regexp_replace(d.nhs_number, '[ -]', '', 'g')"
                + " <> regexp_replace(p.nhs_number, '[ -]', '', 'g')"))
                .isZero();
    }

    @Test
    void objectionsAndOptOutsOccurAtTheirDocumentedRates() {
        assertThat(Sql.share(url, "SELECT count(*) FROM opt_out.local_objection", "SELECT count(*) " + PRIMARY))
                .isCloseTo(SyntheticData.LOCAL_OBJECTION_RATE, within(0.008));
        assertThat(Sql.share(url, "SELECT count(*) FROM opt_out.local_objection WHERE withdrawn_date IS NOT NULL",
                "SELECT count(*) FROM opt_out.local_objection")).isBetween(0.05, 0.25);
        String people = "SELECT count(DISTINCT nhs_number) FROM health.gp_registration";
        // Opted out: numbers sent that the synthetic allow list does not hold.
        assertThat(Sql.share(url, "SELECT numbers_sent - numbers_returned FROM opt_out.national_data_opt_out_check",
                people))
                .isCloseTo(SyntheticData.NATIONAL_OPT_OUT_RATE, within(0.008));
        assertThat(Sql.share(url, "SELECT count(DISTINCT nhs_number) FROM health.gp_opt_out_record", people))
                .isCloseTo(SyntheticData.TYPE1_OPT_OUT_RATE, within(0.006));
        assertThat(Sql.count(url, "SELECT count(*) FROM health.gp_opt_out_record WHERE code IN ('9Nu1', 'XaZ8A')"))
                .isPositive();
        assertThat(Sql.count(url, "SELECT count(*) FROM opt_out.national_data_opt_out_check")).isEqualTo(1);
    }

    @Test
    void socialCareUsersAreMostlyOld() {
        assertThat(councilShare("date_of_birth <= DATE '1958-12-31'")).isGreaterThan(0.7);
        double perPerson = Sql.share(url, "SELECT count(*) FROM social_care.event", "SELECT count(*) " + PRIMARY);
        assertThat(perPerson).isBetween(2.0, 4.0);
    }

    @Test
    void mostDischargesHappenOnTheReadyDayWithALongTail() {
        String measured = "FROM health.inpatient_spell WHERE discharge_date >= DATE '2023-04-01'"
                + " AND discharge_date > admission_date AND discharge_method <> '4'";
        double onTheDay = Sql.share(url, "SELECT count(*) " + measured
                + " AND (discharge_ready_date IS NULL OR discharge_ready_date = discharge_date)",
                "SELECT count(*) " + measured);
        assertThat(onTheDay).isCloseTo(SyntheticData.DISCHARGED_ON_READY_DAY_RATE, within(0.04));
        assertThat(Sql.count(url, "SELECT count(*) " + measured + " AND discharge_date - discharge_ready_date >= 21"))
                .isPositive();
        assertThat(Sql.count(url, "SELECT count(*) " + measured + " AND discharge_ready_date IS NULL")).isPositive();
        assertThat(Sql.count(url, "SELECT count(*) FROM health.inpatient_spell WHERE discharge_destination = '79'"))
                .isPositive();
    }

    @Test
    void mostHospitalPatientsHaveNoCouncilRecordAndMostCouncilPeopleNoSpell() {
        double patientsWithoutCare = Sql.share(url, "SELECT count(DISTINCT nhs_number) FROM health.inpatient_spell s"
                + " WHERE NOT EXISTS (SELECT 1 FROM social_care.person p"
                + " WHERE regexp_replace(p.nhs_number, '[ -]', '', 'g') = s.nhs_number)",
                "SELECT count(DISTINCT nhs_number) FROM health.inpatient_spell");
        assertThat(patientsWithoutCare).isGreaterThan(0.5);
        assertThat(councilShare("NOT EXISTS (SELECT 1 FROM health.inpatient_spell s"
                + " WHERE s.nhs_number = regexp_replace(person.nhs_number, '[ -]', '', 'g'))")).isGreaterThan(0.3);
    }
}
