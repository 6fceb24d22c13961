package org.trex.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure is a full disk when it, or any cause under it, says the disk (or the user's quota on it) had no room, as
 * the JDK words ENOSPC and EDQUOT; it is named by the disk holding the folder given, what that disk has free (its
 * thousands separated) and the write that met it, in TREx's words where a write of TREx's said so.
 */
class FullDiskIsFoundAmongAFailuresCausesTest {
    private static final String FREE = "\\([0-9]{1,3}(,[0-9]{3})* bytes free\\)";

    @TempDir
    Path out;

    @Test
    void aTaskFailureOfSparksIsNamedByTheStagedPartThatFoundTheDiskFull() {
        IOException jdk = new IOException("No space left on device");
        UncheckedIOException own = new UncheckedIOException("Cannot write staged part 0 in " + out
                + "/discharge-delays/.staging-1/data/.stage-spells-2/parquet: No space left on device", jdk);
        RuntimeException spark = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 4.0 failed 1 "
                + "times, most recent failure: Lost task 0.0 in stage 4.0 (TID 5) (192.0.2.2 executor driver): "
                + own + "\n\tat org.trex.run.StagedParts.writePart(StagedParts.java:120)", own);

        FullDisk full = FullDisk.of(out, spark).orElseThrow();

        assertThat(full.shortage()).isEqualTo(FullDisk.Shortage.DISK);
        assertThat(full.write()).isSameAs(own);
        assertThat(full.reason()).matches("the disk holding " + out + " is full " + FREE);
    }

    @Test
    void aLibrarysWriteIsNamedByItsInnermostWords() {
        IOException shuffle = new IOException(out + "/.trex-scratch-1/blockmgr-2/0c/shuffle_0_0_0.data "
                + "(No space left on device)");
        RuntimeException spark = new RuntimeException("Job aborted due to stage failure: " + shuffle, shuffle);

        FullDisk full = FullDisk.of(out, spark).orElseThrow();

        assertThat(full.write()).isSameAs(shuffle);
    }

    @Test
    void aFolderStillToBeMadeIsMeasuredOnTheDiskThatWouldHoldIt() {
        Path later = out.resolve("not/yet/made");

        FullDisk full = FullDisk.of(later, new IOException("No space left on device")).orElseThrow();

        assertThat(full.bytesFree()).isPresent();
        assertThat(full.reason()).matches("the disk holding " + later + " is full " + FREE);
    }

    @Test
    void aUsedUpQuotaIsNamedAsOne() {
        FileSystemException quota = new FileSystemException(out + "/.lease", null, "Disk quota exceeded");

        FullDisk full = FullDisk.of(out, new UncheckedIOException(quota)).orElseThrow();

        assertThat(full.shortage()).isEqualTo(FullDisk.Shortage.QUOTA);
        assertThat(full.reason()).startsWith("this user's disk quota on the disk holding " + out + " is used up (")
                .endsWith(" bytes free on the disk)");
    }

    @Test
    void anyOtherFailureIsNoFullDisk() {
        AccessDeniedException denied = new AccessDeniedException(out.toString());

        assertThat(FullDisk.of(out, new UncheckedIOException(denied))).isEmpty();
        assertThat(FullDisk.of(out, new IllegalStateException((String) null))).isEmpty();
    }
}
