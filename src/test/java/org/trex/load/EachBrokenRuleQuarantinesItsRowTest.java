package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.source.jooq.social_care.Tables.EVENT;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.impl.DSL;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A row that breaks a quarantining rule is reported with its file, line, column and rule (and the code, for a
 * coded column) and is not loaded; the valid row beside it is (a number its column cannot keep, too, where it failed
 * the whole load with PostgreSQL's numeric field overflow).
 */
class EachBrokenRuleQuarantinesItsRowTest {
    private static DatabaseUrl url;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        url = TestDatabase.fresh();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Map.of("Gender", ""), QualityRule.REQUIRED_FIELD_MISSING, "Gender", Optional.empty()),
                Arguments.of(Map.of("Event_Start_Date", "2024-13-01"), QualityRule.UNREADABLE_DATE, "Event_Start_Date",
                        Optional.empty()),
                Arguments.of(Map.of("Event_Start_Date", "31/02/2024"), QualityRule.UNREADABLE_DATE, "Event_Start_Date",
                        Optional.empty()),
                Arguments.of(Map.of("Date_of_Birth", "01/01/0000"), QualityRule.UNREADABLE_DATE, "Date_of_Birth",
                        Optional.empty()),
                Arguments.of(Map.of("Event_End_Date", "30/04/2024"), QualityRule.DATES_OUT_OF_ORDER, "Event_End_Date",
                        Optional.empty()),
                Arguments.of(Map.of("Reporting_Period_Start_Date", "1940-05-01"), QualityRule.IMPLAUSIBLE_PERIOD,
                        "Reporting_Period_Start_Date", Optional.empty()),
                Arguments.of(Map.of("Reporting_Period_Start_Date", "2025-03-31"), QualityRule.IMPLAUSIBLE_PERIOD,
                        "Reporting_Period_Start_Date", Optional.empty()),
                Arguments.of(Map.of("Date_of_Death", "1939-12-31"), QualityRule.DATES_OUT_OF_ORDER, "Date_of_Death",
                        Optional.empty()),
                Arguments.of(Map.of("Service_Type", "Short term support: Reablement"), QualityRule.UNKNOWN_CODE,
                        "Service_Type", Optional.empty()),
                Arguments.of(Map.of("Client_Type", "Service User"), QualityRule.UNKNOWN_CODE, "Client_Type",
                        Optional.of("Service user")),
                Arguments.of(Map.of("Unit_Cost", "12,50"), QualityRule.UNREADABLE_NUMBER, "Unit_Cost",
                        Optional.empty()),
                Arguments.of(Map.of("Unit_Cost", "123456789.00"), QualityRule.NUMBER_TOO_LARGE, "Unit_Cost",
                        Optional.empty()),
                Arguments.of(Map.of("Unit_Cost", "99999999.995"), QualityRule.NUMBER_TOO_LARGE, "Unit_Cost",
                        Optional.empty()),
                Arguments.of(Map.of("Unit_Cost", "1E999999999"), QualityRule.NUMBER_TOO_LARGE, "Unit_Cost",
                        Optional.empty()),
                Arguments.of(Map.of("Planned_units_per_week", "100000"), QualityRule.NUMBER_TOO_LARGE,
                        "Planned_units_per_week", Optional.empty()),
                Arguments.of(Map.of("Service_Type", "", "Service_Component", ""), QualityRule.INCONSISTENT_EVENT,
                        "Service_Type", Optional.empty()),
                Arguments.of(Map.of("Event_Reference", "R0"), QualityRule.DUPLICATE_REFERENCE, "Event_Reference",
                        Optional.empty()));
    }

    @ParameterizedTest(name = "{1} in {2}")
    @MethodSource("cases")
    void theBrokenRowIsReportedAndNotLoaded(Map<String, String> change, QualityRule rule, String column,
            Optional<String> code) throws Exception {
        Path file = CldFile.socialCare().row("P0", "R0").row("P1", "R1", change).write(dir.resolve("cld.csv"));

        LoadOutcome outcome = Loads.load(url, SourceKind.SOCIAL_CARE, file);

        assertThat(outcome.report().findings()).containsExactly(new Finding(file.toString(), 3, column, rule, code));
        assertThat(outcome.report().rowsLoaded()).isEqualTo(1);
        try (Connection connection = url.connect()) {
            assertThat(DSL.using(connection, SQLDialect.POSTGRES).select(EVENT.EVENT_REFERENCE).from(EVENT)
                    .fetch(EVENT.EVENT_REFERENCE)).containsExactly("R0");
        }
    }
}
