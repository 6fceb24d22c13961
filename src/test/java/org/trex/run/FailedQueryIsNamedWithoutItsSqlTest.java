package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A query jOOQ ran that PostgreSQL refused is told by PostgreSQL's reason, not by jOOQ's message, which opens with
 * the whole statement and left no room on the one line shown for what went wrong.
 */
class FailedQueryIsNamedWithoutItsSqlTest {
    @Test
    void aMissingTableIsNamedAndTheStatementIsNot() throws SQLException {
        DatabaseUrl url = TestDatabase.fresh();
        Throwable failure;
        try (Connection connection = url.connect()) {
            failure = catchThrowable(() -> DSL.using(connection, SQLDialect.POSTGRES)
                    .select(DSL.field("list_date")).from(DSL.table("opt_out.national_data_allow_list")).fetch());
        }

        assertThat(failure.getMessage()).as("jOOQ's own message").startsWith("SQL [select");
        assertThat(SafeMessages.of(failure))
                .isEqualTo("ERROR: relation \"opt_out.national_data_allow_list\" does not exist");
    }
}
