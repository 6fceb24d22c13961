package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.trex.testing.TestDatabase;

/** A read's size comes from PostgreSQL's planner, from the table's statistics, without running the read. */
class PlannerEstimatesTheRowsOfAReadTest {
    @Test
    void estimatesFromTheStatisticsOfTheTablesRead() throws SQLException {
        try (Connection connection = TestDatabase.fresh().connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE numbers AS SELECT n FROM generate_series(1, 50000) AS n");
            statement.execute("ANALYZE numbers");

            double all = SqlText.estimatedRows(connection, "select n from numbers");
            double tenth = SqlText.estimatedRows(connection, "select n from numbers where n <= 5000");

            assertThat(all).isEqualTo(50_000);
            assertThat(tenth).isBetween(4_000.0, 6_000.0);
        }
    }

    @Test
    void aQueryThatCannotBePlannedIsAnError() throws SQLException {
        try (Connection connection = TestDatabase.fresh().connect()) {
            assertThatThrownBy(() -> SqlText.estimatedRows(connection, "select n from no_such_table"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no_such_table");
        }
    }
}
