package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A period loaded again (a corrected CLD year, SUS's monthly refresh) gives each event and spell the ID it had, so
 * the pseudonym a release gave it stays its own, in any row order; a record new to the period gets an ID no record
 * ever had. Before, IDs were handed out again in file order from the highest left, so a reloaded record could take
 * another's ID and an analyst joining two releases by pseudonym joined different spells.
 */
class ReloadedRecordsKeepTheirIdsTest {
    private static final String SPELLS = "SELECT i.reference || '=' || s.spell_id || '@' || s.admission_date"
            + " FROM health.inpatient_spell s JOIN health.spell_identity i ON i.record_id = s.spell_id ORDER BY 1";
    private static final String EVENTS = "SELECT event_reference || '=' || event_id FROM social_care.event ORDER BY 1";

    @TempDir
    Path dir;

    @Test
    void aReloadedSpellKeepsItsIdAndANewOneTakesNoOnesId() {
        DatabaseUrl url = TestDatabase.fresh();
        Loads.load(url, SourceKind.HOSPITAL, CldFile.hospital().row("", "S1", admitted("2024-05-01"))
                .row("", "S2", admitted("2024-05-02")).row("", "S3", admitted("2024-05-03"))
                .write(dir.resolve("apc.csv")));
        assertThat(Sql.strings(url, SPELLS)).containsExactly("S1=1@2024-05-01", "S2=2@2024-05-02",
                "S3=3@2024-05-03");

        Loads.load(url, SourceKind.HOSPITAL, CldFile.hospital().row("", "S4", admitted("2024-05-04"))
                .row("", "S3", admitted("2024-05-03")).row("", "S1", admitted("2024-05-01"))
                .write(dir.resolve("apc-refreshed.csv")));

        assertThat(Sql.strings(url, SPELLS)).containsExactly("S1=1@2024-05-01", "S3=3@2024-05-03",
                "S4=4@2024-05-04");
    }

    @Test
    void aReloadedEventKeepsItsIdInAnyRowOrder() {
        DatabaseUrl url = TestDatabase.fresh();
        Loads.load(url, SourceKind.SOCIAL_CARE, CldFile.socialCare().row("P1", "E1").row("P2", "E2")
                .write(dir.resolve("cld.csv")));
        List<String> first = Sql.strings(url, EVENTS);

        Loads.load(url, SourceKind.SOCIAL_CARE, CldFile.socialCare().row("P3", "E3").row("P2", "E2")
                .row("P1", "E1").write(dir.resolve("cld-corrected.csv")));

        assertThat(first).containsExactly("E1=1", "E2=2");
        assertThat(Sql.strings(url, EVENTS)).containsExactly("E1=1", "E2=2", "E3=3");
    }

    private static Map<String, String> admitted(String date) {
        return Map.of("Start_Date_Hospital_Provider_Spell", date);
    }
}
