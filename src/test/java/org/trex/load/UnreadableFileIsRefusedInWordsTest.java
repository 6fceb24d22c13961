package org.trex.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trex.source.DatabaseUrl;
import org.trex.testing.TestDatabase;

/**
 * A file this user may not read is refused saying so: the JDK names a denied read by its path alone, so the message
 * read {@code Cannot load F: F}. (Root reads any file, so the load itself is tried only as another user.)
 */
class UnreadableFileIsRefusedInWordsTest {
    @TempDir
    Path dir;

    @Test
    void aDeniedReadIsNamedAsOne() {
        assertThat(CsvSource.whyUnreadable(new AccessDeniedException(dir.resolve("spells.csv").toString())))
                .isEqualTo("this user may not read it (see its permissions)");
    }

    @Test
    void aFileWithoutReadPermissionIsRefused() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
        DatabaseUrl url = TestDatabase.fresh();
        Path file = CldFile.hospital().row("", "S1").write(dir.resolve("spells.csv"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));

        assertThatThrownBy(() -> Loads.load(url, SourceKind.HOSPITAL, file))
                .isInstanceOf(LoadRefusedException.class)
                .hasMessage("Cannot load " + file + ": this user may not read it (see its permissions)");
    }
}
