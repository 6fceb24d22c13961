package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceSchema;
import org.trex.testing.Sql;
import org.trex.testing.TestDatabase;

/**
 * {@code trex optouts load} checks every line of the service's response and refuses the file, with exit 2 and
 * {@code file:line: Cannot ...}, at the first bad line; it never prints the number, and the list of that date
 * stays as it was.
 */
class MalformedResponseIsRefusedWithItsLineTest {
    static final String GOOD = "9434765919,\n";
    static final String LIST_DATE = "2025-06-01";

    @TempDir
    Path root;

    DatabaseUrl url;

    @BeforeEach
    void database() {
        url = TestDatabase.fresh();
        SourceSchema.migrate(url);
    }

    private Result load(String content) throws Exception {
        Path response = root.resolve("response.csv");
        Files.writeString(response, content);
        return Workspace.trex("optouts", "load", response.toString(), "--list-date", LIST_DATE,
                "--database-url", url.jdbcUrl());
    }

    private void assertRefused(String content, String why) throws Exception {
        Result result = load(content);

        assertThat(result.code()).as(result.all()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err()).isEqualTo("trex: " + root.resolve("response.csv") + ":" + why
                + System.lineSeparator());
        // The temporary folder's random name may hold those digits too: only the rest is the message's own.
        assertThat(result.err().replace(root.toString(), "")).doesNotContain("943476", "987654", "9434");
    }

    @Test
    void aLineThatIsNotOneNumberIsRefused() throws Exception {
        assertRefused(GOOD + "9434 765919,\n",
                "2: Cannot read the national data opt-out file: it is not one NHS number "
                + "of ten digits followed by a comma");
        assertRefused(GOOD + GOOD + "98765432101,\n",
                "3: Cannot read the national data opt-out file: it is not one NHS "
                + "number of ten digits followed by a comma");
        assertRefused(GOOD + "\n", "2: Cannot read the national data opt-out file: it is not one NHS number of ten "
                + "digits followed by a comma");
    }

    @Test
    void aNumberFailingItsCheckDigitOrAPlaceholderIsRefused() throws Exception {
        assertRefused(GOOD + "9876544321,\n", "2: Cannot read the national data opt-out file: its NHS number fails the "
                + "Modulus 11 check digit, or is one digit ten times (a placeholder, never issued)");
        assertRefused(GOOD + "0000000000,\n", "2: Cannot read the national data opt-out file: its NHS number fails the "
                + "Modulus 11 check digit, or is one digit ten times (a placeholder, never issued)");
    }

    @Test
    void crlfARepeatAndACutShortFileAreRefused() throws Exception {
        assertRefused("9434765919,\r\n", "1: Cannot read the national data opt-out file: it ends with a carriage "
                + "return; the service's files use LF line endings");
        assertRefused(GOOD + "9876543210,\n" + GOOD, "3: Cannot read the national data opt-out file: its NHS number "
                + "repeats line 1");
        assertRefused(GOOD + "9876543210,", "2: Cannot read the national data opt-out file: the file does not end with "
                + "a line feed (is it cut short?)");
    }

    @Test
    void aRefusedFileLeavesTheListOfItsDateAsItWas() throws Exception {
        Result first = load(GOOD + "9876543210\n");
        assertThat(first.code()).as(first.all()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).contains("Loaded the national data opt-out allow list of 2025-06-01: 2 numbers");

        assertThat(load("4000000632,\n4000000633,\n").code()).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(Sql.strings(url, "SELECT nhs_number FROM opt_out.national_data_allow_list ORDER BY 1"))
                .containsExactly("9434765919", "9876543210");
    }
}
