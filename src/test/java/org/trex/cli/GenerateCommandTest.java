package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.trex.testing.TestDatabase;
import picocli.CommandLine;

class GenerateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Trex.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void generatesIntoTheGivenDatabaseAndPrintsCountsAndTheLinkageSummary() {
        String url = TestDatabase.fresh().jdbcUrl();
        assertThat(run("generate", "--database-url", url, "--people", "500", "--seed", "9")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("social_care.person", "health.inpatient_spell",
                "total (500 people, seed 9)", "Council records linking to hospital spells");
    }

    @Test
    void aSecondRunIntoTheSameDatabaseIsRefused() {
        String url = TestDatabase.fresh().jdbcUrl();
        run("generate", "--database-url", url, "--people", "100");
        assertThat(run("generate", "--database-url", url, "--people", "100")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("Cannot generate synthetic data in ", "already holds rows");
    }
}
