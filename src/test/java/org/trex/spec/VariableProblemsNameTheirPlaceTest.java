package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.SourceCatalog;
import org.trex.testing.SpecWithVariables;

/**
 * The checker refuses a variable that reads an unknown dataset or field, has the wrong type for its place,
 * depends on itself, or windows a dataset without a date, each as {@code file:line:column: Cannot ...} at
 * the part written wrong. Line n of a test's variables is line {@link #BEFORE_VARIABLES} + n of the spec.
 */
class VariableProblemsNameTheirPlaceTest {
    private static final int BEFORE_VARIABLES = SpecWithVariables.FIRST_VARIABLE_LINE - 1;

    @TempDir
    Path folder;

    private List<SpecProblem> problems(String variables) throws IOException {
        Path spec = SpecWithVariables.write(folder, variables);
        SpecException e = catchThrowableOfType(SpecException.class,
                () -> LoadedSpec.load(spec, SpecWithVariables.POLICY, SourceCatalog.standard()));
        assertThat(e).as("the spec should be refused").isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.toString())
                .startsWith(spec + ":" + p.line() + ":" + p.column() + ": Cannot "));
        return e.problems();
    }

    private static void assertProblem(List<SpecProblem> problems, int line, String message) {
        assertThat(problems).as(problems.toString())
                .anySatisfy(p -> {
                    assertThat(p.message()).contains(message);
                    assertThat(p.line()).isEqualTo(BEFORE_VARIABLES + line);
                });
    }

    @Test
    void anUnknownDatasetIsRefusedWithTheCatalogsNames() throws IOException {
        List<SpecProblem> problems = problems("""
                care:
                  type: flag
                  description: d
                  exists: {from: social_care_events}
                """);

        assertProblem(problems, 2, "Cannot use dataset social_care_events: the catalog has no such dataset, expected "
                + "one of [inpatient_spell, social_care_person, social_care_event, gp_registration]");
    }

    @Test
    void anUnknownFieldIsRefusedWithTheDatasetsFields() throws IOException {
        List<SpecProblem> problems = problems("""
                care:
                  type: flag
                  description: d
                  exists:
                    from: social_care_event
                    where:
                      - {field: service_kind, equals: Reablement}
                """);

        assertProblem(problems, 7, "Cannot use field service_kind: dataset social_care_event has no such field, "
                + "expected one of [event_id, council_person_id, nhs_number");
    }

    @Test
    void aDefinitionOfAnotherTypeThanDeclaredIsRefused() throws IOException {
        List<SpecProblem> problems = problems("""
                services:
                  type: flag
                  description: d
                  count: {from: social_care_event}
                """);

        assertProblem(problems, 2, "Cannot define variable services as flag: its definition gives count");
    }

    @Test
    void aValueOfTheWrongTypeInATestIsRefused() throws IOException {
        List<SpecProblem> problems = problems("""
                early:
                  type: flag
                  description: d
                  field: discharge_date
                  before: {field: sex}
                """);

        assertProblem(problems, 5, "Cannot use field sex in before: it is code, expected date");
    }

    @Test
    void aDateInAndIsRefused() throws IOException {
        List<SpecProblem> problems = problems("""
                both:
                  type: flag
                  description: d
                  and:
                    - {field: discharge_date}
                """);

        assertProblem(problems, 5, "Cannot use field discharge_date in and: it is date, expected flag");
    }

    @Test
    void aCycleBetweenVariablesIsRefusedWithItsPath() throws IOException {
        List<SpecProblem> problems = problems("""
                first:
                  type: flag
                  description: d
                  not: {var: second}
                second:
                  type: flag
                  description: d
                  not: {var: first}
                """);

        assertProblem(problems, 2,
                "Cannot define variable first: it depends on itself through first -> second -> first");
    }

    @Test
    void aWindowOnADatasetWithoutADateIsRefused() throws IOException {
        List<SpecProblem> problems = problems("""
                known:
                  type: flag
                  description: d
                  exists:
                    from: social_care_person
                    window: {from_days: -30, to_days: 0}
                """);

        assertProblem(problems, 6, "Cannot use a window on dataset social_care_person: it has no event date, expected a"
                + " field: naming one of its date fields [date_of_death]");
    }

    @Test
    void anUnknownVariableIsRefusedWithTheDefinedNames() throws IOException {
        List<SpecProblem> problems = problems("""
                later:
                  type: flag
                  description: d
                  var: delay_days
                  at_least: 1
                """);

        assertProblem(problems, 2, "Cannot find variable delay_days: the spec and its imports define [later]");
    }
}
