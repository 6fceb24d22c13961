package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.SourceCatalog;
import org.trex.testing.SpecWithVariables;

/**
 * A mapping that cannot be read is named as one ("Cannot read day_91 as a mapping"), and a variable's definition
 * with keys of no operator is told the keys a variable takes, its type and description among them.
 */
class MappingsReadWrongSayWhatTheyWereReadAsTest {
    @TempDir
    Path folder;

    @Test
    void aVariableWithNoOperatorNamesTypeAndDescriptionAmongItsKeys() throws IOException {
        Path spec = SpecWithVariables.write(folder, """
                day_91:
                  type: flag
                  description: d
                  person: age
                  at_least: 65
                """);

        SpecException e = catchThrowableOfType(SpecException.class,
                () -> LoadedSpec.load(spec, SpecWithVariables.POLICY, SourceCatalog.standard()));

        assertThat(e.problems()).extracting(SpecProblem::message).singleElement().asString()
                .startsWith("Cannot read day_91 as a mapping: it has keys [person, at_least] beside type and"
                        + " description, expected type, description and one key of [and, or, not, plus_days,");
    }

    @Test
    void aNestedMappingIsNamedAsOne() throws IOException {
        Path spec = SpecWithVariables.write(folder, """
                old:
                  type: flag
                  description: d
                  case:
                    - when: {person: age, at_least: 65}
                      then: true
                  else: false
                """);

        SpecException e = catchThrowableOfType(SpecException.class,
                () -> LoadedSpec.load(spec, SpecWithVariables.POLICY, SourceCatalog.standard()));

        assertThat(e.problems()).extracting(SpecProblem::message)
                .anySatisfy(m -> assertThat(m)
                        .startsWith("Cannot read when as a mapping: it has keys [person, at_least]"));
    }
}
