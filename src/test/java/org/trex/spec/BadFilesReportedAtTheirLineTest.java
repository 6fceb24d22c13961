package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trex.source.SourceCatalog;

/** Every file under {@code bad/} fails with the message fragment and line listed in {@code bad/expected.tsv}. */
class BadFilesReportedAtTheirLineTest {
    private static final Path BAD = Path.of("src/test/resources/bad");
    private static final Path POLICY = Path.of("policies/service-evaluation.yaml");

    static Stream<Arguments> expectations() throws IOException {
        return Files.readAllLines(BAD.resolve("expected.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(cols -> Arguments.of(cols[0], Integer.parseInt(cols[1]), cols[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void reportsTheProblemAtItsLine(String name, int line, String fragment) {
        Path file = BAD.resolve(name);

        SpecException e = catchThrowableOfType(SpecException.class, () -> load(file));

        assertThat(e).as("%s should be refused", name).isNotNull();
        assertThat(e.problems()).as(e.getMessage())
                .anySatisfy(problem -> {
                    assertThat(problem.message()).contains(fragment);
                    if (line >= 0) {
                        assertThat(problem.line()).isEqualTo(line);
                    }
                    assertThat(problem.toString())
                            .startsWith(problem.file() + ":" + problem.line() + ":" + problem.column() + ": Cannot ");
                });
    }

    private static void load(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith("policy-")) {
            SpecFiles.loadPolicy(file);
        } else if (name.startsWith("lookup-")) {
            LoadedSpec.load(file, SourceCatalog.standard());
        } else {
            LoadedSpec.load(file, POLICY, SourceCatalog.standard());
        }
    }
}
