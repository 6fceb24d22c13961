package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.cli.Trex;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A file this user may not read is refused saying so: the JDK names a denied read by its path alone, so the message
 * read {@code Cannot load F: F}.
 */
class UnreadableFileIsRefusedInWordsTest {
    @TempDir
    Path dir;

    @Test
    void aDeniedReadIsNamedAsOne() {
        assertThat(FileBytes.whyUnreadable(new AccessDeniedException(dir.resolve("spells.csv").toString())))
                .isEqualTo("this user may not read it (see its permissions)");
    }

    @Test
    void aFileWithoutReadPermissionIsRefused() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.hospital().row("", "S1").write(dir.resolve("spells.csv"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // root reads any file through these two capabilities; without them it is held to the mode bits as the
            // file's owner, as a council's loading account is
            command.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Trex.class.getName(), "load", "hospital",
                file.toString(), "--database-url", url.jdbcUrl()));
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();

        // (the temporary folder's long run of digits is printed redacted, as a number in any error is)
        assertThat(Files.readString(log)).startsWith("trex: Cannot load ")
                .contains("/spells.csv: this user may not read it (see its permissions)");
        assertThat(child.exitValue()).isEqualTo(2);
    }
}
