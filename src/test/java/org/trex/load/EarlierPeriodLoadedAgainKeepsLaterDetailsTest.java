package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A person's details (date of death, NHS number, accommodation, ...) are those of their latest reporting period
 * loaded: an earlier period's file loaded again, made before the death was recorded, replaces that period's events
 * but not what the later period gave; the later period loaded again, and a person the earlier period alone holds,
 * are written as given.
 */
class EarlierPeriodLoadedAgainKeepsLaterDetailsTest {
    private static final String PERSON = "SELECT council_person_id || ' ' || coalesce(date_of_death::text, '-') || ' '"
            + " || nhs_number || ' ' || gender FROM social_care.person ORDER BY 1";

    @TempDir
    Path dir;

    @Test
    void anEarlierPeriodLeavesTheLaterPeriodsDetails() {
        DatabaseUrl url = TestDatabase.fresh();
        Path earlier = CldFile.socialCare().row("P1", "E1", year("2023", Map.of()))
                .row("P2", "E2", year("2023", Map.of())).write(dir.resolve("cld-2023-24.csv"));
        Path later = CldFile.socialCare().row("P1", "E1", Map.of("Date_of_Death", "2024-12-01",
                "NHS_Number", CldFile.OTHER_NHS_NUMBER, "Gender", "Male")).write(dir.resolve("cld-2024-25.csv"));
        Loads.load(url, SourceKind.SOCIAL_CARE, earlier);
        Loads.load(url, SourceKind.SOCIAL_CARE, later);

        Loads.load(url, SourceKind.SOCIAL_CARE, CldFile.socialCare().row("P1", "E1", year("2023", Map.of()))
                .row("P2", "E2", year("2023", Map.of("Gender", "Male"))).write(dir.resolve("cld-2023-24-again.csv")));

        assertThat(Sql.strings(url, PERSON)).containsExactly("P1 2024-12-01 " + CldFile.OTHER_NHS_NUMBER + " Male",
                "P2 - " + CldFile.NHS_NUMBER + " Male");
        assertThat(Sql.count(url, "SELECT count(*) FROM social_care.event")).isEqualTo(3);

        Loads.load(url, SourceKind.SOCIAL_CARE, CldFile.socialCare().row("P1", "E1", Map.of("Date_of_Death",
                "2024-12-02", "NHS_Number", CldFile.OTHER_NHS_NUMBER, "Gender", "Male"))
                .write(dir.resolve("cld-2024-25-corrected.csv")));

        assertThat(Sql.strings(url, PERSON)).containsExactly("P1 2024-12-02 " + CldFile.OTHER_NHS_NUMBER + " Male",
                "P2 - " + CldFile.NHS_NUMBER + " Male");
    }

    /** The reporting year from April of {@code start}, its event in May. */
    private static Map<String, String> year(String start, Map<String, String> changes) {
        int end = Integer.parseInt(start) + 1;
        Map<String, String> row = new HashMap<>(Map.of("Reporting_Period_Start_Date", start + "-04-01",
                "Reporting_Period_End_Date", end + "-03-31", "Event_Start_Date", start + "-05-01",
                "Event_End_Date", start + "-06-01"));
        row.putAll(changes);
        return row;
    }
}
