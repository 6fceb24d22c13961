package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A period loaded again replaces it whole, its people too: a person whose every event was in the replaced file (the
 * wrong file loaded first, someone sent by mistake) is removed with their NHS number, date of birth and postcode,
 * unless they object, so that the objection still reaches their number in other sources.
 */
class PeopleNoLoadedPeriodHoldsAreRemovedTest {
    @TempDir
    Path dir;

    @Test
    void aPersonTheReplacingFileDoesNotHoldIsRemovedUnlessTheyObject() {
        DatabaseUrl url = TestDatabase.fresh();
        Loads.load(url, SourceKind.SOCIAL_CARE, CldFile.socialCare().row("P1", "E1").row("WRONG", "E2")
                .row("OBJECTOR", "E3").write(dir.resolve("cld-wrong.csv")));
        Loads.load(url, SourceKind.OBJECTIONS, CldFile.objections().row("OBJECTOR", "")
                .write(dir.resolve("register.csv")));

        LoadOutcome again = Loads.load(url, SourceKind.SOCIAL_CARE, CldFile.socialCare().row("P1", "E1")
                .write(dir.resolve("cld.csv")));

        assertThat(Sql.strings(url, "SELECT council_person_id FROM social_care.person ORDER BY 1"))
                .containsExactly("OBJECTOR", "P1");
        assertThat(Sql.count(url, "SELECT count(*) FROM opt_out.local_objection")).isEqualTo(1);
        assertThat(again.notices()).containsExactly("Removed 1 person whose every event was in the rows replaced: no"
                + " loaded period holds them any more.");
    }
}
