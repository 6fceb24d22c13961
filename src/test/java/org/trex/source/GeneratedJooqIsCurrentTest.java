package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.testing.TestDatabase;

/** The committed jOOQ classes must be what the migrations generate; else run bin/regenerate-jooq. */
class GeneratedJooqIsCurrentTest {
    @TempDir
    Path target;

    @Test
    void committedClassesMatchTheMigrations() throws Exception {
        JooqCodegen.generate(TestDatabase.fresh(), target);

        assertThat(files(target)).as("src/generated/java is stale: run bin/regenerate-jooq")
                .isEqualTo(files(Path.of("src/generated/java")));
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put(root.relativize(path).toString(), Files.readString(path));
            }
        }
        return files;
    }
}
