package org.trex.optout;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.source.SqlText;
import org.trex.testing.SourceFixture;
import org.trex.testing.TestDatabase;

/**
 * The allow-list queries others build on: the numbers on one list and not on a later one (opted out in between, or
 * not sent again), and the newest list a date may use (never one with no allow list).
 */
class NumbersDroppedOffBetweenListsTest {
    static final LocalDate JUNE = LocalDate.of(2025, 6, 1);
    static final LocalDate JULY = LocalDate.of(2025, 7, 1);

    @Test
    void numbersOnTheEarlierListOnlyAreThoseThatDroppedOff() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url)) {
            fixture.allowList(JUNE, 3, List.of("4000000632", "9434765919", "9876543210"));
            fixture.allowList(JULY, 3, List.of("4000000632", "6328797966"));
        }
        try (Connection connection = url.connect()) {
            var sql = SqlText.on(connection);

            assertThat(sql.fetch(AllowListQueries.droppedOff(JUNE, JULY))
                    .getValues(AllowListQueries.NHS_NUMBER, String.class))
                    .containsExactlyInAnyOrder("9434765919", "9876543210");
            assertThat(sql.fetch(AllowListQueries.droppedOff(JULY, JUNE))
                    .getValues(AllowListQueries.NHS_NUMBER, String.class))
                    .containsExactly("6328797966");
            assertThat(sql.select(AllowListQueries.latestListDate(DSL.val(JULY.minusDays(1)))).fetchSingle().value1())
                    .isEqualTo(JUNE);
            assertThat(sql.select(AllowListQueries.latestListDate(DSL.val(JULY))).fetchSingle().value1())
                    .isEqualTo(JULY);
            assertThat(sql.select(AllowListQueries.latestListDate(DSL.val(JUNE.minusDays(1)))).fetchSingle().value1())
                    .isNull();
        }
    }

    @Test
    void aCheckWithoutAnAllowListIsNeverUsed() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        try (SourceFixture fixture = SourceFixture.on(url); Connection connection = url.connect()) {
            fixture.allowList(JUNE, 1, List.of("4000000632"));
            // As the migration keeps the checks recorded before TREx kept allow lists.
            connection.createStatement().execute("INSERT INTO opt_out.national_data_opt_out_check (list_date, "
                    + "numbers_sent) VALUES (DATE '2025-07-01', 1000)");

            assertThat(SqlText.on(connection).select(AllowListQueries.latestListDate(DSL.val(JULY.plusDays(5))))
                    .fetchSingle().value1()).isEqualTo(JUNE);
        }
    }
}
