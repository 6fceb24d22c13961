package org.trex.load;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.spec.SpecException;
import org.trex.testing.TestDatabase;

/** A mapping file naming a column or value the national layout does not have is refused at its line and column. */
class MappingFileErrorsNameTheirLineTest {
    @TempDir
    Path dir;

    @Test
    void unknownColumnsAndValuesAreReportedWhereTheyAre() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path mapping = Files.writeString(dir.resolve("local.yaml"), """
                source: social-care
                columns:
                  Client ID: LA_Person_Unique_Identifier
                  Sex: Gender_Code
                values:
                  Client_Type:
                    Client: Service User
                  Favourite_Colour:
                    Blue: Red
                  Service_Type:
                    Reablement:
                      Service_Type: "Short term support: ST-Max"
                      Service_Widget: Reablement
                colour: blue
                """);
        Path file = CldFile.socialCare().row("P1", "E1").write(dir.resolve("cld.csv"));

        assertThatThrownBy(() -> SourceLoader.load(url, new LoadRequest(SourceKind.SOCIAL_CARE, List.of(file),
                Optional.of(mapping), Optional.empty(), Optional.empty(), LoadMode.LOAD), report -> { }))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(mapping + ":4:8: Cannot read columns.Sex 'Gender_Code': it is not a social-care"
                        + " column, expected one of [LA_Code,")
                .hasMessageContaining(mapping + ":7:13: Cannot read values.Client_Type.Client 'Service User': it is not"
                        + " a national value of Client_Type, expected one of [Service user,")
                .hasMessageContaining(mapping + ":8:3: Cannot read values.Favourite_Colour: it is not a social-care"
                        + " column with a national value list")
                .hasMessageContaining(mapping + ":13:7: Cannot read values.Service_Type.Reablement: Service_Widget is"
                        + " not a social-care column")
                .hasMessageContaining(mapping + ":14:1: Cannot read mapping: it has an unknown key colour");
    }
}
