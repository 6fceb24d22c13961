package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that is not YAML is reported where the parser met the problem, with the parser's reason (and the construct it
 * was reading, where that starts), never the parser's message, which quotes the file's lines; a directory, bytes that
 * are not UTF-8 and an empty file each say so.
 */
class YamlSyntaxErrorsNameTheProblemsPlaceTest {
    @TempDir
    Path dir;

    @Test
    void anUnclosedFlowListIsReportedWhereItBreaksWithTheReason() throws Exception {
        Path file = write("flow.yaml", "allowed_forms:\n  fields: [a, b\n  keys: c\n");

        assertThat(problem(file)).isEqualTo(file + ":3:7: Cannot read YAML: expected ',' or ']', but got :"
                + " (while parsing a flow sequence that starts at line 2, column 11)");
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheEndItRanInto() throws Exception {
        Path file = write("quote.yaml", "allowed_forms: \"x\nkeys: [a]\n");

        assertThat(problem(file)).isEqualTo(file + ":3:1: Cannot read YAML: found unexpected end of stream"
                + " (while scanning a quoted scalar that starts at line 1, column 16)");
    }

    @Test
    void aMisplacedMappingIsReportedWithTheParsersReason() throws Exception {
        Path file = write("mapping.yaml", "allowed_forms: 1\n  keys: 2\n");

        assertThat(problem(file)).isEqualTo(file + ":2:7: Cannot read YAML: mapping values are not allowed here");
    }

    @Test
    void aDirectoryIsNotAFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("policy.yaml"));

        assertThat(problem(folder)).isEqualTo(folder + ": Cannot read " + folder
                + ": it is a directory, expected a YAML file");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWhereTheyStartAndNotShown() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n'});

        assertThat(problem(file)).isEqualTo(file + ":2:7: Cannot read YAML: a byte here is not UTF-8, expected a"
                + " UTF-8 text file (save it as UTF-8)");
    }

    @Test
    void anEmptyFileAndOneOfCommentsAloneAreEmpty() throws Exception {
        for (Path file : new Path[] {write("empty.yaml", ""), write("comments.yaml", "# nothing yet\n")}) {
            assertThat(problem(file)).isEqualTo(file + ":1:1: Cannot read YAML: the file is empty (or holds only"
                    + " comments), expected a YAML mapping");
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String problem(Path file) {
        SpecException e = catchThrowableOfType(SpecException.class, () -> SpecFiles.loadPolicy(file));
        assertThat(e).as("%s should be refused", file).isNotNull();
        assertThat(e.problems()).as(e.getMessage()).hasSize(1);
        return e.problems().get(0).toString();
    }
}
