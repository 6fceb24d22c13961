package org.trex.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.SourceCatalog;

/** A spec over 1 MB is refused by its size, before any parsing (a 50 MB value took minutes and gigabytes to parse). */
class OversizedSpecIsRefusedBeforeParsingTest {
    @TempDir
    Path dir;

    @Test
    void aSpecOverOneMegabyteIsRefusedAtOnce() throws IOException {
        Path spec = dir.resolve("huge.yaml");
        Files.writeString(spec, "id: huge\ntitle: " + "x".repeat((int) YamlTree.MAX_BYTES) + "\n");

        SpecException e = catchThrowableOfType(SpecException.class,
                () -> LoadedSpec.load(spec, Path.of("policies/service-evaluation.yaml"), SourceCatalog.standard()));

        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.toString()).startsWith(spec + ":")
                .contains("Cannot read " + spec
                        + ": it is 1000017 bytes, more than the 1000000 a spec or policy may be"));
    }
}
