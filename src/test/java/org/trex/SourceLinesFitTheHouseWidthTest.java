package org.trex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every line of the Java we write, main and test, is at most 120 characters: the house rule, kept by the build.
 * The jOOQ classes under {@code src/generated} are jOOQ's output, checked against the migrations instead.
 */
class SourceLinesFitTheHouseWidthTest {
    private static final int WIDEST = 120;

    @Test
    void noJavaLineIsWiderThanTheHouseWidth() throws IOException {
        List<String> wide = new ArrayList<>();
        try (Stream<Path> main = Files.walk(Path.of("src", "main"));
                Stream<Path> test = Files.walk(Path.of("src", "test"));
                Stream<Path> files = Stream.concat(main, test)) {
            files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> wide.addAll(wide(file)));
        }

        assertThat(wide).as("lines over " + WIDEST + " characters").isEmpty();
    }

    private static List<String> wide(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > WIDEST) {
                    found.add(file + ":" + (i + 1) + " has " + lines.get(i).length() + " characters");
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
