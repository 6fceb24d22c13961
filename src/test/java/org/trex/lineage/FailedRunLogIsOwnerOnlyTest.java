package org.trex.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed run's lineage log ({@code OUT/<extract>/failed-runs/<run>.ndjson}) lies outside any extract directory, so
 * nothing sets its permissions at publishing: the folders and the file the log creates are owner-only from the start,
 * as every file TREx writes.
 */
class FailedRunLogIsOwnerOnlyTest {
    @TempDir
    Path out;

    @Test
    void theLogAndTheFoldersItCreatesAreOwnerOnly() throws Exception {
        Path log = out.resolve("discharge-delays").resolve("failed-runs").resolve("run-1.ndjson");

        LineageLog.append(log, OpenLineageEvents.start(SampleLineage.started()));
        LineageLog.append(log, OpenLineageEvents.start(SampleLineage.started()));

        assertThat(permissions(out.resolve("discharge-delays"))).isEqualTo("rwx------");
        assertThat(permissions(log.getParent())).isEqualTo("rwx------");
        assertThat(permissions(log)).isEqualTo("rw-------");
        assertThat(LineageLog.read(log)).hasSize(2);
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
