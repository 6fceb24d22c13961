package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trex.testing.TestDatabase;

/**
 * A statement PostgreSQL refuses for a row's values fails on a TREx connection with a message that names the rule
 * broken but quotes none of the row: the server's detail lines ("Failing row contains (...)", "Key (...)=(...)")
 * would put a person's NHS number or date of birth into the error a command prints and a failed run records. A
 * value PostgreSQL cannot take is quoted in the message itself, so the safe message of a data exception drops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseErrorsQuoteNoRowTest {
    private static final String NUMBER = "9434765919";
    private static final String BORN = "1937-02-11";

    private DatabaseUrl url;

    @BeforeAll
    void createTable() throws SQLException {
        url = TestDatabase.fresh();
        try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE person (nhs_number text PRIMARY KEY"
                    + " CONSTRAINT person_number_check CHECK (nhs_number <> '" + NUMBER + "0'),"
                    + " born date NOT NULL CONSTRAINT person_born_check CHECK (born > DATE '1900-01-01'))");
            statement.execute("INSERT INTO person VALUES ('" + NUMBER + "', DATE '" + BORN + "')");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INSERT INTO person VALUES ('9434765919', DATE '1937-02-11')|person_pkey",
            "INSERT INTO person VALUES ('94347659190', DATE '1937-02-11')|person_number_check",
            "INSERT INTO person VALUES ('9434765918', DATE '1837-02-11')|person_born_check",
            "INSERT INTO person VALUES ('9434765917', NULL)|null value in column \"born\"",
            "UPDATE person SET born = DATE '1837-02-11'|person_born_check"})
    void theMessageNamesTheRuleAndQuotesNoValue(String sql, String rule) {
        assertThatThrownBy(() -> {
            try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining(rule)
                .hasMessageNotContaining("943476591").hasMessageNotContaining("1937").hasMessageNotContaining("1837");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT CAST(v AS date) FROM (VALUES ('0000-01-01')) AS t (v)|date/time field value out of range",
            "SELECT CAST(v AS date) FROM (VALUES ('1937-02-30')) AS t (v)|date/time field value out of range",
            "SELECT CAST(v AS bigint) FROM (VALUES ('943476591x')) AS t (v)|invalid input syntax for type bigint",
            "SELECT CAST(v AS bigint) FROM (VALUES ('O\"Brien 943476591')) AS t (v)|invalid input syntax for type "
                    + "bigint"})
    void theSafeMessageOfAValueThatCannotBeTakenQuotesNoValue(String sql, String rule) {
        assertThatThrownBy(() -> {
            try (Connection connection = url.connect(); Statement statement = connection.createStatement()) {
                statement.executeQuery(sql);
            }
        }).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).startsWith("22");
            assertThat(DatabaseUrl.safeMessage(e)).contains(rule).contains("\"[value]\"")
                    .doesNotContain("0000-01-01").doesNotContain("1937").doesNotContain("943476591")
                    .doesNotContain("Brien");
        });
    }
}
