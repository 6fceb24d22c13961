package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * Every session TREx opens runs without PostgreSQL's JIT, even on a database configured to use it: its statements
 * each run once, and compiling their plans costs more than it saves.
 */
class SessionsCompileNoPlansTest {
    @Test
    void aSessionOnADatabaseThatCompilesPlansCompilesNone() throws SQLException {
        DatabaseUrl url = TestDatabase.fresh();
        Sql.execute(url, "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET jit = on', current_database()); END $$");

        try (Connection connection = url.connect(); Statement statement = connection.createStatement();
                ResultSet jit = statement.executeQuery("SHOW jit")) {
            assertThat(jit.next()).isTrue();
            assertThat(jit.getString(1)).isEqualTo("off");
        }
    }
}
