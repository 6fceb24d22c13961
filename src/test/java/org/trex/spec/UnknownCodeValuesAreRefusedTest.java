package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.SourceCatalog;
import org.trex.testing.SpecWithVariables;

/**
 * A test of a field with national codes, in a variable or a cohort condition, against a value the field never
 * holds (a misspelt or impossible code) is refused at the value's line and column, with the field's codes.
 */
class UnknownCodeValuesAreRefusedTest {
    private static final int BEFORE_VARIABLES = SpecWithVariables.FIRST_VARIABLE_LINE - 1;

    @TempDir
    Path folder;

    private List<SpecProblem> problems(Path spec) {
        SpecException e = catchThrowableOfType(SpecException.class,
                () -> LoadedSpec.load(spec, SpecWithVariables.POLICY, SourceCatalog.standard()));
        assertThat(e).as("the spec should be refused").isNotNull();
        return e.problems();
    }

    @Test
    void aMisspeltCodeInAVariableIsRefusedWithTheFieldsCodes() throws IOException {
        Path spec = SpecWithVariables.write(folder, """
                reablement:
                  type: flag
                  description: d
                  exists:
                    from: social_care_event
                    where:
                      - {field: service_component, equals: Reablment}
                """);

        assertThat(problems(spec)).singleElement().satisfies(p -> {
            assertThat(p.toString()).isEqualTo(spec + ":" + (BEFORE_VARIABLES + 7) + ":" + p.column()
                    + ": Cannot use 'Reablment' for service_component: it is not one of its codes, expected one of "
                    + "[Reablement, Short term residential care, Short term nursing care, Home support or domiciliary"
                    + " care, Community supported living, Extra care housing, Shared Lives, Equipment, Direct payment,"
                    + " Long term residential care, Long term nursing care]");
            assertThat(p.column()).isEqualTo(46);
        });
    }

    @Test
    void anImpossibleCodeInAListIsRefusedAtItsOwnPlace() throws IOException {
        Path spec = SpecWithVariables.write(folder, """
                left_alive:
                  type: flag
                  description: d
                  field: discharge_method
                  in: ['1', '2', '7']
                """);

        assertThat(problems(spec)).extracting(SpecProblem::toString).containsExactly(spec + ":"
                + (BEFORE_VARIABLES + 5) + ":20: Cannot use '7' for discharge_method: it is not one of its codes,"
                + " expected one of [1, 2, 3, 4, 5]");
    }

    @Test
    void aPrefixNoCodeStartsWithIsRefused() throws IOException {
        Path spec = SpecWithVariables.write(folder, """
                to_care_home:
                  type: flag
                  description: d
                  field: discharge_destination
                  starts_with: ['5', '0']
                """);

        assertThat(problems(spec)).extracting(SpecProblem::message).containsExactly("Cannot use '0' for "
                + "discharge_destination: none of its codes starts with it, expected the start of one of [19, 29, 30,"
                + " 37, 40, 42, 48, 49, 50, 51, 52, 53, 55, 56, 66, 79, 84, 87, 88, 98, 99]");
    }

    @Test
    void anImpossibleCodeInACohortConditionIsRefusedAtItsOwnPlace() throws IOException {
        Path spec = SpecWithVariables.write(folder, """
                alive:
                  type: flag
                  description: d
                  field: discharge_method
                  in: ['1', '2']
                """);
        Files.writeString(spec, Files.readString(spec).replace("social_care_at_index: any\n",
                "social_care_at_index: any\n  conditions:\n    - {field: discharge_method, in: ['1', '2', '7']}\n"));

        assertThat(problems(spec)).extracting(SpecProblem::toString).containsExactly(spec
                + ":15:48: Cannot use '7' for discharge_method: it is not one of its codes, expected one of "
                + "[1, 2, 3, 4, 5]");
    }

    @Test
    void knownCodesAndFieldsWithoutACodeListPass() throws IOException {
        ExtractSpec spec = SpecWithVariables.load(folder, """
                reablement:
                  type: flag
                  description: d
                  exists:
                    from: social_care_event
                    where:
                      - {field: service_component, in: [Reablement, Equipment]}
                      - {field: provider_location_id, equals: any-location}
                to_care_home:
                  type: flag
                  description: d
                  field: discharge_destination
                  starts_with: ['5']
                """);

        assertThat(spec.variables()).hasSize(2);
    }
}
