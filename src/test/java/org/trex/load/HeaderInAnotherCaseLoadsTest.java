package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * A header naming the national columns in another case (NHS_NUMBER, nhs_number, as exports write them) loads as the
 * national names do, each value in its column; a column named twice, in two cases, is refused as named twice.
 */
class HeaderInAnotherCaseLoadsTest {
    @TempDir
    Path dir;

    @Test
    void upperAndLowerCaseHeadersLoadEachValueInItsColumn() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path upper = recased(CldFile.socialCare().row("P1", "E1", Map.of("Gender", "Male")), "upper.csv", true);
        Path lower = recased(CldFile.hospital().row("", "S1"), "lower.csv", false);

        Loads.load(url, SourceKind.SOCIAL_CARE, upper);
        Loads.load(url, SourceKind.HOSPITAL, lower);

        assertThat(Sql.strings(url, "SELECT council_person_id || ' ' || gender || ' ' || nhs_number"
                + " FROM social_care.person")).containsExactly("P1 Male " + CldFile.NHS_NUMBER);
        assertThat(Sql.strings(url, "SELECT event_reference FROM social_care.event")).containsExactly("E1");
        assertThat(Sql.count(url, "SELECT count(*) FROM health.inpatient_spell")).isEqualTo(1);
    }

    @Test
    void aColumnNamedInTwoCasesIsNamedTwice() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.hospital().row("", "S1").write(dir.resolve("twice.csv"));
        String text = Files.readString(file);
        int header = text.indexOf('\n');
        Path twice = Files.writeString(file, text.substring(0, header).stripTrailing() + ",nhs_number\r\n"
                + text.substring(header + 1).replace("\r\n", ",\r\n"));

        assertThatThrownBy(() -> Loads.load(url, SourceKind.HOSPITAL, twice))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessageStartingWith("Cannot load " + twice + ": it is not a hospital file: it names the columns"
                        + " [NHS_Number] more than once, expected the hospital columns [");
    }

    private Path recased(CldFile cld, String name, boolean upper) throws Exception {
        Path file = cld.write(dir.resolve(name));
        String text = Files.readString(file);
        int header = text.indexOf('\n');
        String names = text.substring(0, header);
        return Files.writeString(file, (upper ? names.toUpperCase(Locale.ROOT) : names.toLowerCase(Locale.ROOT))
                + text.substring(header));
    }
}
