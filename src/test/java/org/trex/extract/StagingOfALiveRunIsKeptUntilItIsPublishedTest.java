package org.trex.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's staging is leased until the rename that publishes it, and a live writer on this host keeps it however old
 * its heartbeat: another run of the extract removed the staging of a run paused (SIGSTOP, a suspended machine) or
 * slow to record its release for over five minutes, under that run, which then failed, or published what was left.
 * A process ID that now names another process frees the staging as a dead writer's does.
 */
class StagingOfALiveRunIsKeptUntilItIsPublishedTest {
    private static final String EXTRACT = "discharge-delays";

    @TempDir
    Path root;

    @Test
    void aLiveRunsStagingWithAnOldHeartbeatIsLeftAlone() throws IOException {
        ExtractDirectory paused = ExtractDirectory.stage(root, EXTRACT, "run-1");
        Files.writeString(paused.data().resolve("spells.csv"), "person\n");
        ageBy10Minutes(paused.staging().resolve(Lease.FILE));
        ageBy10Minutes(paused.staging());

        ExtractDirectory.stage(root, EXTRACT, "run-2").discard();

        assertThat(paused.data().resolve("spells.csv")).as("the paused run's data").exists();
        Path published = paused.publish();
        assertThat(published.resolve("data/spells.csv")).exists();
        assertThat(published.resolve(Lease.FILE)).as("the lease, gone with the rename").doesNotExist();
    }

    @Test
    void aStagingStaysLeasedUntilItIsRenamedAndTheManifestListsNoLease() throws IOException {
        ExtractDirectory staged = ExtractDirectory.stage(root, EXTRACT, "run-1");
        Files.writeString(staged.staging().resolve("README.md"), "data dictionary\n");

        assertThat(staged.staging().resolve(Lease.FILE)).exists();
        assertThat(Manifest.listFiles(staged.staging())).containsExactly("README.md");
    }

    @Test
    void aStagingWhoseProcessIdNowNamesAnotherProcessIsRemoved() throws IOException {
        Path reused = root.resolve(EXTRACT).resolve(".staging-run-0");
        Files.createDirectories(reused);
        // This process's ID, with a start its writer had and this process has not: the ID was reused.
        Files.writeString(reused.resolve(Lease.FILE), Lease.host() + "\n" + ProcessHandle.current().pid() + "\n"
                + "1000\n");

        ExtractDirectory.stage(root, EXTRACT, "run-1").discard();

        assertThat(reused).doesNotExist();
    }

    private static void ageBy10Minutes(Path path) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minusSeconds(600)));
    }
}
