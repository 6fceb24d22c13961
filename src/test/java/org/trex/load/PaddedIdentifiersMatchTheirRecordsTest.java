package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * Spaces an export pads an identifier with are dropped: an objection naming " P1" or "P1 " is P1's (it waited
 * for a person "P1 " who never came, and P1's records reached extracts), a CLD row of "P1 " is the person P1 and not
 * a second one, and an event reference or spell number repeated with padding is a duplicate.
 */
class PaddedIdentifiersMatchTheirRecordsTest {
    @TempDir
    Path dir;

    @Test
    void paddedIdentifiersNameTheRecordsTheyPadded() {
        DatabaseUrl url = TestDatabase.fresh();
        LoadOutcome care = Loads.load(url, SourceKind.SOCIAL_CARE, CldFile.socialCare().row("P1", "E1")
                .row("P1 ", "E2").row("P2", "E3").row("P2", " E1").write(dir.resolve("cld.csv")));
        LoadOutcome objections = Loads.load(url, SourceKind.OBJECTIONS, CldFile.objections().row(" P1", "")
                .row("P2 ", "", Map.of("Objection_Withdrawn_Date", "2025-01-01")).write(dir.resolve("register.csv")));
        LoadOutcome spells = Loads.load(url, SourceKind.HOSPITAL, CldFile.hospital().row("", "S1").row("", "S1 ")
                .write(dir.resolve("apc.csv")));

        assertThat(Sql.strings(url, "SELECT council_person_id FROM social_care.person ORDER BY 1"))
                .containsExactly("P1", "P2");
        assertThat(Sql.strings(url, "SELECT event_reference FROM social_care.event ORDER BY 1"))
                .containsExactly("E1", "E2", "E3");
        assertThat(care.report().findings()).extracting(Finding::line, Finding::rule).containsExactly(
                tuple(5L, QualityRule.DUPLICATE_REFERENCE));
        assertThat(objections.report().findings()).isEmpty();
        assertThat(Sql.strings(url, "SELECT p.council_person_id FROM opt_out.local_objection o"
                + " JOIN social_care.person p USING (person_id) ORDER BY 1")).containsExactly("P1", "P2");
        assertThat(spells.report().findings()).extracting(Finding::rule).containsExactly(
                QualityRule.DUPLICATE_REFERENCE);
    }
}
