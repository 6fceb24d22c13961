package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.source.jooq.social_care.Tables.EVENT;
import static org.trex.source.jooq.social_care.Tables.PERSON;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * Loading a period again replaces that period's events; other periods' events stay; people are updated, and those
 * only the replaced rows held are removed.
 */
class ReloadReplacesThePeriodTest {
    @TempDir
    Path dir;

    @Test
    void aSecondLoadOfAPeriodReplacesItsEventsAndLeavesOtherPeriods() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path first = CldFile.socialCare().row("P1", "E1").row("P1", "E2").row("P2", "E3").write(dir.resolve("q1.csv"));
        Path other = CldFile.socialCare()
                .row("P3", "E9", Map.of("Reporting_Period_Start_Date", "2023-04-01",
                        "Reporting_Period_End_Date", "2024-03-31", "Event_Start_Date", "2023-05-01",
                        "Event_End_Date", "2023-06-01"))
                .write(dir.resolve("last-year.csv"));
        Loads.load(url, SourceKind.SOCIAL_CARE, first);
        Loads.load(url, SourceKind.SOCIAL_CARE, other);
        Path again = CldFile.socialCare().row("P1", "E1", Map.of("Gender", "Male")).row("P4", "E7")
                .write(dir.resolve("q1-resubmitted.csv"));

        LoadOutcome outcome = Loads.load(url, SourceKind.SOCIAL_CARE, again);

        assertThat(outcome.period()).isEqualTo("2024-04-01/2025-03-31");
        try (Connection connection = url.connect()) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            assertThat(db.select(EVENT.EVENT_REFERENCE).from(EVENT).orderBy(EVENT.EVENT_REFERENCE)
                    .fetch(EVENT.EVENT_REFERENCE)).containsExactly("E1", "E7", "E9");
            assertThat(db.select(PERSON.GENDER).from(PERSON).where(PERSON.COUNCIL_PERSON_ID.eq("P1"))
                    .fetchSingle().value1()).isEqualTo("Male");
            // P2's every event was in the rows replaced
            assertThat(db.select(PERSON.COUNCIL_PERSON_ID).from(PERSON).orderBy(PERSON.COUNCIL_PERSON_ID)
                    .fetch(PERSON.COUNCIL_PERSON_ID)).containsExactly("P1", "P3", "P4");
        }
    }
}
