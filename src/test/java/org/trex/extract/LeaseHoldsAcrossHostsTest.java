package org.trex.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs that share an output folder, as on a cluster's shared {@code --out}, see each other's staging: a run
 * on another host whose heartbeat is fresh is left alone whatever its process ID means here, and only a lapsed
 * lease, or a writer on this host that is gone, marks a folder abandoned. The output root TREx makes is owner-only.
 */
class LeaseHoldsAcrossHostsTest {
    private static final String NO_SUCH_PID = "2147483646";

    @TempDir
    Path root;

    @Test
    void aRunOnAnotherHostIsLeftAloneWhileItsHeartbeatIsFresh() throws IOException {
        Path out = root.resolve("out");
        Path extract = out.resolve("discharge-delays");
        Path live = lease(extract.resolve(".staging-on-other-host"), "other-host", Instant.now());
        Path lapsed = lease(extract.resolve(".staging-lapsed"), "other-host",
                Instant.now().minus(Lease.STALE).minusSeconds(60));
        Path deadHere = lease(extract.resolve(".staging-dead-here"), Lease.host(), Instant.now());

        ExtractDirectory mine = ExtractDirectory.stage(out, "discharge-delays", "run-2");

        assertThat(live).as("another host's live run").isDirectory();
        assertThat(lapsed).as("a lease whose heartbeat lapsed").doesNotExist();
        assertThat(deadHere).as("a run of this host whose process is gone").doesNotExist();
        assertThat(Lease.abandoned(mine.staging())).as("this run's own staging").isFalse();
        mine.discard();
    }

    @Test
    void anOutputRootTrexMakesIsOwnerOnly() {
        Path out = root.resolve("new-out");

        ExtractDirectory.stage(out, "discharge-delays", "run-1").discard();

        assertThat(out).isDirectory();
        try {
            assertThat(Files.getPosixFilePermissions(out)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(out.resolve("discharge-delays")))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path lease(Path folder, String host, Instant heartbeat) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(Lease.FILE);
        Files.writeString(file, host + "\n" + NO_SUCH_PID + "\n");
        Files.setLastModifiedTime(file, FileTime.from(heartbeat));
        return folder;
    }
}
