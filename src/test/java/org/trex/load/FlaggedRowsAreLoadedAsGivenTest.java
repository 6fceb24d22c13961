package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.source.jooq.social_care.Tables.PERSON;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * An invalid NHS number is loaded exactly as given and flagged, never fixed; a person whose rows disagree on
 * date of birth or NHS number is flagged once per disagreeing row and keeps the latest row's values.
 */
class FlaggedRowsAreLoadedAsGivenTest {
    @TempDir
    Path dir;

    @Test
    void flaggedRowsLoadWithTheirFindingsReported() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare()
                .row("P1", "E1", Map.of("NHS_Number", "999 000 0019"))
                .row("P2", "E2", Map.of("NHS_Number", "999-000-0026"))
                .row("P2", "E3", Map.of("Date_of_Birth", "02/05/1940", "NHS_Number", CldFile.NHS_NUMBER))
                .write(dir.resolve("cld.csv"));

        LoadOutcome outcome = Loads.load(url, SourceKind.SOCIAL_CARE, file);

        String name = file.toString();
        assertThat(outcome.report().findings()).containsExactly(
                new Finding(name, 2, "NHS_Number", QualityRule.INVALID_NHS_NUMBER, Optional.empty()),
                new Finding(name, 4, "Date_of_Birth", QualityRule.PERSON_FIELDS_DISAGREE, Optional.empty()),
                new Finding(name, 4, "NHS_Number", QualityRule.PERSON_FIELDS_DISAGREE, Optional.empty()));
        assertThat(outcome.report().rowsLoaded()).isEqualTo(3);
        try (Connection connection = url.connect()) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            assertThat(db.select(PERSON.NHS_NUMBER).from(PERSON).where(PERSON.COUNCIL_PERSON_ID.eq("P1")).fetchSingle()
                    .value1()).isEqualTo("999 000 0019");
            assertThat(db.select(PERSON.DATE_OF_BIRTH, PERSON.NHS_NUMBER).from(PERSON)
                    .where(PERSON.COUNCIL_PERSON_ID.eq("P2")).fetchSingle().intoArray())
                    .containsExactly(LocalDate.of(1940, 5, 2), CldFile.NHS_NUMBER);
        }
    }
}
