package org.trex.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomKeyIsUsableTest {
    @TempDir
    Path dir;

    @Test
    void aCreatedKeyIsOwnerOnly256BitHexThatReadsBackAsTheSameKey() throws Exception {
        Path file = dir.resolve("demo.key");

        PseudonymKey created = PseudonymKey.createRandom(file);

        assertThat(Files.readString(file).strip()).hasSize(64).matches("[0-9a-f]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PseudonymKey.fromFile(file)).isEqualTo(created);
        assertThat(PseudonymKey.createRandom(dir.resolve("other.key"))).isNotEqualTo(created);
    }
}
