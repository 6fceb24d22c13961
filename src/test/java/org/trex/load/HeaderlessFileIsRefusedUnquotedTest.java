package org.trex.load;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A file whose header line is missing has a person's row where its header should be: it is refused with a message
 * that says so without quoting the line (an earlier message listed its values as unexplained columns, and the CSV
 * parser's own quoted the whole line when two values were equal). A real header naming a column twice is refused
 * by name.
 */
class HeaderlessFileIsRefusedUnquotedTest {
    private static final Map<String, String> PERSON = Map.of("LA_Person_Unique_Identifier", "Smith",
            "Date_of_Birth", "04/03/1950", "Gender", "", "Event_End_Date", "");

    private static DatabaseUrl url;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        url = TestDatabase.fresh();
    }

    @Test
    void aFileWithoutItsHeaderLineIsRefusedWithoutItsFirstRow() throws Exception {
        Path written = CldFile.socialCare().row("P1", "R1", PERSON).row("P2", "R2").write(dir.resolve("cld.csv"));
        List<String> lines = Files.readAllLines(written);
        Path headerless = Files.write(dir.resolve("headerless.csv"), lines.subList(1, lines.size()));

        assertThatThrownBy(() -> Loads.load(url, SourceKind.SOCIAL_CARE, headerless))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessageStartingWith("Cannot load " + headerless + ": it is not a social-care file: it lacks the "
                        + "required columns [LA_Code,")
                .hasMessageContaining("its first line names none of its columns (the header of another file, or no"
                        + " header line; the line is not shown)")
                .hasMessageNotContaining("Smith").hasMessageNotContaining("1950")
                .hasMessageNotContaining(CldFile.NHS_NUMBER).hasMessageNotContaining("CV1")
                .hasMessageNotContaining("E08000026").hasMessageNotContaining("Reablement");
    }

    @Test
    void aHeaderNamingAColumnTwiceIsRefusedByItsName() throws Exception {
        Path written = CldFile.socialCare().row("P1", "R1").write(dir.resolve("cld.csv"));
        List<String> lines = Files.readAllLines(written);
        Path twice = Files.write(dir.resolve("twice.csv"), List.of(lines.get(0) + ",NHS_Number",
                lines.get(1) + "," + CldFile.NHS_NUMBER));

        assertThatThrownBy(() -> Loads.load(url, SourceKind.SOCIAL_CARE, twice))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessageStartingWith("Cannot load " + twice + ": it is not a social-care file: it names the "
                        + "columns [NHS_Number] more than once, expected the social-care columns [");
    }

    @Test
    void anObjectionRegisterWithoutItsHeaderIsRefusedInWords() throws Exception {
        Path written = CldFile.objections().row("P1", "").write(dir.resolve("register.csv"));
        Path headerless = Files.write(dir.resolve("register-headerless.csv"),
                Files.readAllLines(written).subList(1, 2));

        assertThatThrownBy(() -> Loads.load(url, SourceKind.OBJECTIONS, headerless))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessageStartingWith("Cannot load " + headerless + ": it is not an objections file: it lacks the "
                        + "required columns [LA_Person_Unique_Identifier,");
    }
}
