package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.trex.testing.TestDatabase;

/**
 * The cohort's age cut, run by PostgreSQL, agrees with whole years counted by java.time, birthdays on 29 February
 * included.
 */
class AgedAtLeastCountsWholeYearsTest {
    private static final Field<LocalDate> BORN = DSL.field(DSL.name("born"), SQLDataType.LOCALDATE);
    private static final Field<LocalDate> ON = DSL.field(DSL.name("on_day"), SQLDataType.LOCALDATE);

    @Test
    void agreesWithWholeYearsAroundEveryBirthdayKind() throws SQLException {
        // Births around the end of February in a leap year and in common years, and index days around the end
        // of February in a leap year and in a common year: 65th birthdays fall on, before and after them.
        String pairs = "SELECT born::date, on_day::date FROM "
                + "(SELECT generate_series(date '1958-02-20', date '1958-03-05', interval '1 day') UNION ALL "
                + " SELECT generate_series(date '1959-02-20', date '1959-03-05', interval '1 day') UNION ALL "
                + " SELECT generate_series(date '1960-02-20', date '1960-03-05', interval '1 day') UNION ALL "
                + " SELECT generate_series(date '1960-12-25', date '1961-01-05', interval '1 day')) AS b(born) CROSS "
                + "JOIN (SELECT generate_series(date '2024-02-20', date '2024-03-05', interval '1 day') UNION ALL "
                + " SELECT generate_series(date '2025-02-20', date '2025-03-05', interval '1 day') UNION ALL "
                + " SELECT generate_series(date '2025-12-25', date '2026-01-05', interval '1 day')) AS o(on_day)";
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        try (Connection connection = TestDatabase.fresh().connect()) {
            Condition sixtyFive = SourceCatalog.agedAtLeast(BORN, ON, 65);
            Condition sixtySix = SourceCatalog.agedAtLeast(BORN, ON, 66);
            for (Record3<LocalDate, LocalDate, Boolean> row : SqlText.on(connection)
                    .select(BORN, ON, DSL.field(sixtyFive.and(DSL.not(sixtySix))))
                    .from(DSL.table("(" + pairs + ")").as("pairs"))
                    .fetch()) {
                boolean expected = Period.between(row.value1(), row.value2()).getYears() == 65;
                if (row.value3() != expected) {
                    disagreements.add(row.value1() + " on " + row.value2() + ": PostgreSQL says " + row.value3());
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo((14 + 14 + 15 + 12) * (15 + 14 + 12));
        assertThat(disagreements).isEmpty();
    }
}
