package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.trex.optout.NationalList;
import org.trex.optout.NationalListStatus;
import org.trex.testing.Specs;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * Migration V20 takes a database holding opted-out numbers (the model before allow lists) to allow lists: the table
 * of opted-out numbers is gone, the old checks stay as history with what was sent and no list, so a run can never
 * keep a record by one of them; and no person record carries an opt-out flag.
 */
class AllowListMigrationKeepsOldChecksAsHistoryTest {
    @Test
    void oldChecksStayAsHistoryWithoutAList() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Flyway.configure().dataSource(url.jdbcUrl(), null, null).locations("classpath:db/source")
                .table("trex_source_schema_history").schemas("public").defaultSchema("public").target("5")
                .load().migrate();
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO opt_out.national_data_opt_out_check (list_date, numbers_checked) "
                    + "VALUES ('2025-06-01', 3)");
            statement.execute("INSERT INTO opt_out.national_data_opt_out (nhs_number, list_date) "
                    + "VALUES ('9434765919', '2025-06-01')");
        }

        SourceSchema.migrate(url);

        assertThat(Sql.count(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'opt_out' "
                + "AND table_name = 'national_data_opt_out'")).isZero();
        assertThat(Sql.strings(url,
                "SELECT list_date || ' ' || numbers_sent || ' ' || coalesce(numbers_returned::text, "
                + "'no list') FROM opt_out.national_data_opt_out_check")).containsExactly("2025-06-01 3 no list");
        assertThat(Sql.count(url, "SELECT count(*) FROM opt_out.national_data_allow_list")).isZero();
        assertThat(NationalList.on(url, Specs.policy(), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 30)).status())
                .isEqualTo(NationalListStatus.MISSING);
        assertThat(Sql.strings(url, "SELECT table_name || '.' || column_name FROM information_schema.columns "
                + "WHERE table_schema IN ('social_care', 'health') AND column_name LIKE '%opt%out%'")).isEmpty();
    }
}
