package org.trex.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

class LinkageSummaryTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 15);
    /** Validity in plain SQL, written apart from the product's jOOQ expression. */
    private static final String VALID = "(n ~ '^[0-9]{10}$' AND (11 - ((substr(n,1,1)::int*10 + substr(n,2,1)::int*9"
            + " + substr(n,3,1)::int*8 + substr(n,4,1)::int*7 + substr(n,5,1)::int*6 + substr(n,6,1)::int*5"
            + " + substr(n,7,1)::int*4 + substr(n,8,1)::int*3 + substr(n,9,1)::int*2) % 11)) % 11"
            + " = substr(n,10,1)::int)";
    private static final String COUNCIL = "(SELECT person_id, nhs_number_trace_status AS status,"
            + " nullif(replace(replace(nhs_number, ' ', ''), '-', ''), '') AS n FROM social_care.person) c";
    /** Hospital numbers may carry spaces or dashes too: links are by the normalised number. */
    private static final String SPELL_NUMBER = "replace(replace(s.nhs_number, ' ', ''), '-', '')";
    private static DatabaseUrl url;
    private static LinkageSummary summary;

    @BeforeAll
    static void generate() throws SQLException {
        url = TestDatabase.fresh();
        SyntheticData.generate(url, 20_000, 3);
        try (Connection connection = url.connect()) {
            summary = LinkageSummary.fetch(DSL.using(connection, SQLDialect.POSTGRES), AS_OF);
        }
    }

    private static long council(String where) {
        return Sql.count(url, "SELECT count(*) FROM " + COUNCIL + " WHERE " + where);
    }

    @Test
    void councilRecordsArePartitionedByNumberQuality() {
        assertThat(summary.councilRecords()).isEqualTo(Sql.count(url, "SELECT count(*) FROM social_care.person"));
        assertThat(summary.missing()).isEqualTo(council("n IS NULL"));
        assertThat(summary.invalid()).isEqualTo(council("n IS NOT NULL AND CASE WHEN n ~ '^[0-9]{10}$' THEN NOT "
                + VALID + " ELSE true END"));
        assertThat(summary.verified())
                .isEqualTo(council("status = 'matched' AND " + VALID.replace("(n ~", "(n IS NOT NULL AND n ~")));
        assertThat(summary.superseded()).isEqualTo(council("status = 'superseded' AND " + VALID));
        assertThat(summary.unverified()).isEqualTo(council("status NOT IN ('matched', 'superseded') AND " + VALID));
        assertThat(summary.verified() + summary.unverified() + summary.superseded() + summary.invalid()
                + summary.missing()).isEqualTo(summary.councilRecords());
        assertThat(summary.invalid()).isPositive();
    }

    @Test
    void duplicatesAndLinksMatchIndependentCounts() {
        assertThat(summary.duplicateNumbers()).isPositive().isEqualTo(Sql.count(url, "SELECT count(*) FROM"
                + " (SELECT n FROM " + COUNCIL + " WHERE " + VALID + " GROUP BY n HAVING count(*) > 1) d"));
        assertThat(summary.councilRecordsLinkingToHospital()).isPositive().isEqualTo(council(VALID
                + " AND EXISTS (SELECT 1 FROM health.inpatient_spell s WHERE " + SPELL_NUMBER + " = c.n)"));
        assertThat(summary.spellsLinkingToCouncil()).isPositive().isEqualTo(Sql.count(url,
                "SELECT count(*) FROM health.inpatient_spell s WHERE " + SPELL_NUMBER + " IN (SELECT n FROM " + COUNCIL
                        + " WHERE " + VALID + ")"));
    }

    @Test
    void objectionsAndOptOutsAsOfADateMatchIndependentCounts() {
        assertThat(summary.localObjectionsActive()).isPositive().isEqualTo(Sql.count(url,
                "SELECT count(*) FROM opt_out.local_objection WHERE recorded_date <= DATE '2025-03-15'"
                        + " AND (withdrawn_date IS NULL OR withdrawn_date > DATE '2025-03-15')"));
        assertThat(summary.localObjectionsWithdrawn()).isPositive().isEqualTo(Sql.count(url,
                "SELECT count(*) FROM opt_out.local_objection WHERE withdrawn_date <= DATE '2025-03-15'"));
        assertThat(summary.type1OptOutsInForce()).isPositive().isEqualTo(Sql.count(url,
                "SELECT count(*) FROM (SELECT DISTINCT ON (r.nhs_number) c.meaning FROM health.gp_opt_out_record r"
                        + " JOIN ref.type1_opt_out_code c USING (code) WHERE r.recorded_date <= DATE '2025-03-15'"
                        + " ORDER BY r.nhs_number, r.recorded_date DESC, r.record_id DESC) latest"
                        + " WHERE meaning = 'dissent'"));
    }

    @Test
    void numbersSentAndNotReturnedCountOnlyOnceTheListIsDated() throws SQLException {
        try (Connection connection = url.connect()) {
            LinkageSummary before = LinkageSummary.fetch(DSL.using(connection, SQLDialect.POSTGRES),
                    SyntheticData.NATIONAL_LIST_DATE.minusDays(1));
            LinkageSummary on = LinkageSummary.fetch(DSL.using(connection, SQLDialect.POSTGRES),
                    SyntheticData.NATIONAL_LIST_DATE);
            assertThat(before.sentNotReturnedOnLatestList()).isZero();
            assertThat(on.sentNotReturnedOnLatestList()).isPositive().isEqualTo(Sql.count(url,
                    "SELECT numbers_sent FROM opt_out.national_data_opt_out_check") - Sql.count(url,
                    "SELECT count(*) FROM opt_out.national_data_allow_list"));
        }
    }

    @Test
    void linesAlignLabelsAndCounts() {
        assertThat(summary.lines()).hasSize(13);
        assertThat(summary.lines().get(0)).startsWith("Council records ");
        assertThat(summary.lines().stream().map(String::length).distinct()).hasSize(1);
        assertThat(summary.lines()).anySatisfy(l -> assertThat(l).startsWith("Local objections active on 2025-03-15"));
    }
}
