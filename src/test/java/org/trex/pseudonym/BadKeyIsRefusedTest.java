package org.trex.pseudonym;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadKeyIsRefusedTest {
    @TempDir
    Path dir;

    private Path keyFile(String content, String permissions) throws Exception {
        Path file = dir.resolve("project.key");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void shortKeyIsRefusedWithItsLength() throws Exception {
        Path file = keyFile("abcdef0123456789", "rw-------");

        assertThatThrownBy(() -> PseudonymKey.fromFile(file))
                .isInstanceOf(KeyException.class)
                .hasMessage("Cannot use pseudonymisation key from file " + file
                        + ": it has 16 hex digits, at least 64 (256 bits) are required");
    }

    @Test
    void nonHexKeyIsRefusedWithoutEchoingIt() throws Exception {
        String secret = "z".repeat(64);
        Path file = keyFile(secret, "rw-------");

        assertThatThrownBy(() -> PseudonymKey.fromFile(file))
                .hasMessage("Cannot use pseudonymisation key from file " + file
                        + ": it is not hexadecimal (character 1 is not 0-9 or a-f)")
                .hasMessageNotContaining(secret);
    }

    @Test
    void keyReadableByOthersIsRefused() throws Exception {
        Path file = keyFile("ab".repeat(32), "rw-r--r--");

        assertThatThrownBy(() -> PseudonymKey.fromFile(file))
                .hasMessage("Cannot use pseudonymisation key file " + file
                        + ": it is readable by group or others; restrict it with chmod 600");
    }

    @Test
    void missingKeyFileIsNamed() {
        Path file = dir.resolve("absent.key");

        assertThatThrownBy(() -> PseudonymKey.fromFile(file))
                .hasMessage("Cannot read pseudonymisation key: file " + file + " does not exist");
    }
}
