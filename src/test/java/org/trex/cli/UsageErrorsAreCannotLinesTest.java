package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trex.cli.Workspace.Result;

/**
 * A command line TREx cannot read is refused in the house form, {@code Cannot read the command line: why}, with exit
 * 2 and the way to help, and without the names of Java classes: a date in another form is named as such.
 */
class UsageErrorsAreCannotLinesTest {
    @Test
    void aDayFirstDateIsRefusedWithTheFormExpected() {
        Result plan = Workspace.trex("plan", "extracts/discharge-delays.yaml", "--as-of", "30/06/2026");

        assertThat(plan.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(plan.err()).startsWith("trex: Cannot read the command line: invalid value for option '--as-of':"
                + " not a date of the form YYYY-MM-DD, such as 2026-06-30").doesNotContain("java.");
    }

    @Test
    void aDayThatDoesNotExistIsRefusedAsWell() {
        Result run = Workspace.trex("run", "extracts/discharge-delays.yaml", "--as-of", "2026-02-30");

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("not a date of the form YYYY-MM-DD").doesNotContain("java.");
    }

    @Test
    void aMissingFileIsNamedWithTheHelpToTry() {
        Result load = Workspace.trex("load", "hospital");

        assertThat(load.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(load.err()).startsWith("trex: Cannot read the command line: missing required parameter")
                .contains("Try 'trex load hospital --help' for more information.");
    }

    @Test
    void anNhsNumberGivenWhereNothingIsExpectedIsNotEchoed() {
        Result migrate = Workspace.trex("migrate", "9990000018");

        assertThat(migrate.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(migrate.err()).startsWith("trex: Cannot read the command line: ").doesNotContain("9990000018");
    }
}
