package org.trex.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void keyWritableByOthersIsRefused() throws Exception {
        for (String permissions : List.of("rw-----w-", "rw--w----")) {
            Path file = keyFile("ab".repeat(32), permissions);

            assertThatThrownBy(() -> PseudonymKey.fromFile(file)).as(permissions)
                    .hasMessage("Cannot use pseudonymisation key file " + file
                            + ": it is writable by group or others; restrict it with chmod 600");
        }
    }

    @Test
    void missingKeyFileIsNamed() {
        Path file = dir.resolve("absent.key");

        assertThatThrownBy(() -> PseudonymKey.fromFile(file))
                .hasMessage("Cannot read pseudonymisation key: file " + file + " does not exist");
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("fifo.key");
        assertThat(new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> PseudonymKey.fromFile(fifo))
                .hasMessage("Cannot use pseudonymisation key file " + fifo
                        + ": it is not a regular file (a FIFO, socket or device), "
                        + "expected a file holding the key in hex");
    }

    @Test
    void aDirectoryIsNamedAsOne() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("keys"));

        assertThatThrownBy(() -> PseudonymKey.fromFile(folder))
                .hasMessage("Cannot use pseudonymisation key file " + folder
                        + ": it is a directory, expected a file holding the key in hex");
    }

    @Test
    void anAllZeroKeyIsRefused() throws Exception {
        Path file = keyFile("00".repeat(32), "rw-------");

        assertThatThrownBy(() -> PseudonymKey.fromFile(file))
                .hasMessage("Cannot use pseudonymisation key from file " + file
                        + ": it is all zeros, expected random bytes (openssl rand -hex 32)");
    }
}
