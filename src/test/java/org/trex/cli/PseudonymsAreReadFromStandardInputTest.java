package org.trex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Workspace.Result;

/**
 * {@code trex pseudonym} with no number on its command line reads them from standard input, one per line, so they
 * stay out of the process list and shell history; a bad line is named by its number, not its value.
 */
class PseudonymsAreReadFromStandardInputTest {
    private final InputStream original = System.in;

    @TempDir
    Path root;

    @AfterEach
    void restoreInput() {
        System.setIn(original);
    }

    @Test
    void readsOneNumberPerLineAndNamesTheBadLine() {
        Workspace workspace = Workspace.create(root, null);
        System.setIn(new ByteArrayInputStream("9990000018\n1234567890\n999 000 0026\n"
                .getBytes(StandardCharsets.UTF_8)));

        Result result = Workspace.trex("pseudonym", "--key-file", workspace.key.toString());

        assertThat(result.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.out().lines()).containsExactly(PseudonymCommandTest.PSEUDONYM_9990000018,
                PseudonymCommandTest.PSEUDONYM_9990000026);
        assertThat(result.err()).isEqualTo("trex: Cannot pseudonymise line 2: "
                + "the value is not ten digits with a correct Modulus 11 check digit, or is one digit ten times\n");
    }
}
