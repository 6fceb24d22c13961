package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trex.source.jooq.social_care.Tables.EVENT;
import static org.trex.source.jooq.social_care.Tables.PERSON;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * The worked example's mapping (a case system's own columns and wording, CRLF, quoted commas, DD/MM/YYYY and ISO
 * dates) loads through its mapping, one local value giving service type and component; and a file in Release 1
 * wording loads through mappings/cld-release-1.yaml.
 */
class LocalExportLoadsThroughItsMappingTest {
    /** A case system's export as the worked example's mapping expects it: three made-up rows, 999-range numbers. */
    private static final List<String> EXPORT = List.of(
            "Council,Period From,Period To,Client ID,NHS No,DOB,Date of Death,Sex,Ethnic Origin,"
                    + "Client Category,Activity,Activity ID,Start,End,Service,Funding,Worker,Team",
            "E08000026,01/04/2024,31/03/2025,C1001,999 000 0018,01/05/1940,,F,White British,Client,"
                    + "Service Agreement,SA-1,03/05/2024,20/05/2024,Reablement (ST-Max),Council arranged,A. Worker,"
                    + "\"Hospital Team, North\"",
            "E08000026,01/04/2024,31/03/2025,C1001,999 000 0018,01/05/1940,,F,White British,Client,"
                    + "Service Agreement,SA-2,21/05/2024,,Home Care,DP,A. Worker,\"Hospital Team, North\"",
            "E08000026,01/04/2024,31/03/2025,C1002,999-000-0026,12/11/1935,,M,White British,Client,"
                    + "Service Agreement,SA-3,2024-06-01,,Residential Care,Council arranged,B. Worker,Community Team");

    @TempDir
    Path dir;

    @Test
    void theWorkedExampleLoads() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();

        Path export = Files.writeString(dir.resolve("case-system-export.csv"),
                String.join("\r\n", EXPORT) + "\r\n");

        LoadOutcome outcome = Loads.loadMapped(url, SourceKind.SOCIAL_CARE,
                Path.of("mappings/examples/case-system-export.yaml"), export);

        assertThat(outcome.report().findings()).isEmpty();
        assertThat(outcome.period()).isEqualTo("2024-04-01/2025-03-31");
        try (Connection connection = url.connect()) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            assertThat(db.select(EVENT.EVENT_REFERENCE, EVENT.SERVICE_TYPE, EVENT.SERVICE_COMPONENT,
                    EVENT.DELIVERY_MECHANISM).from(EVENT).orderBy(EVENT.EVENT_REFERENCE).fetch().map(r -> r.intoList()))
                    .containsExactly(
                            java.util.List.of("SA-1", "Short term support: ST-Max", "Reablement",
                                    "CASSR commissioned support"),
                            java.util.List.of("SA-2", "Long term support: Community",
                                    "Home support or domiciliary care",
                                    "Direct payment"),
                            java.util.List.of("SA-3", "Long term support: Residential care",
                                    "Long term residential care",
                                    "CASSR commissioned support"));
            assertThat(db.select(PERSON.NHS_NUMBER).from(PERSON).orderBy(PERSON.COUNCIL_PERSON_ID)
                    .fetch(PERSON.NHS_NUMBER)).containsExactly("999 000 0018", "999-000-0026");
        }
    }

    @Test
    void releaseOneWordingLoadsThroughTheShippedMapping() {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.socialCare()
                .row("P1", "E1", Map.of("Client_Type", "Service User", "Service_Type", "Long Term Support: Community",
                        "Service_Component", "Home Support", "Delivery_Mechanism", "CASSR Commissioned Support",
                        "Event_Outcome", "NFA - Deceased"))
                .write(dir.resolve("release-1.csv"));

        LoadOutcome outcome =
                Loads.loadMapped(url, SourceKind.SOCIAL_CARE, Path.of("mappings/cld-release-1.yaml"), file);

        assertThat(outcome.report().findings()).isEmpty();
        assertThat(outcome.report().rowsLoaded()).isEqualTo(1);
    }
}
