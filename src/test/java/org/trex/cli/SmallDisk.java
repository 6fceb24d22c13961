package org.trex.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real disk of a few pages for {@code trex} in a child JVM: a tmpfs mounted on a folder in user and mount
 * namespaces of the child's own (util-linux's {@code unshare}, which needs no root where the kernel lets users make
 * namespaces), so a test meets ENOSPC as an operator does, without filling the machine's disk. It goes when the child
 * ends, so what it held then is listed and copied beside it first. Tests that need one are skipped where none can be
 * made.
 */
final class SmallDisk {
    /** What the disk holds when {@code trex} starts. */
    enum Start {
        EMPTY,
        /** Filled to its last page, as an operator's full disk. */
        FULL
    }

    /** Mounts the tmpfs, fills it if asked, runs the rest, lists and copies what it holds (filler aside), exits so. */
    private static final String SCRIPT = """
            disk=$1; size=$2; start=$3; listing=$4; shift 4
            mount -t tmpfs -o size="$size" trex-small-disk "$disk" || exit 97
            if [ "$start" = FULL ]; then cat /dev/zero > "$disk/filler" 2>/dev/null; fi
            "$@"
            code=$?
            find "$disk" -mindepth 1 ! -name filler > "$listing"
            mkdir -p "$listing.files" && cp -a "$disk/." "$listing.files" && rm -f "$listing.files/filler"
            exit $code
            """;

    private final Path folder;
    private final Path listing;

    private SmallDisk(Path folder) {
        this.folder = folder;
        this.listing = folder.resolveSibling(folder.getFileName() + ".listing");
    }

    /** A small disk to be mounted on {@code folder} (made here), or the test skipped where none can be made. */
    static SmallDisk at(Path folder) {
        try {
            Files.createDirectories(folder);
            Process probe = new ProcessBuilder(namespaces(List.of("sh", "-c",
                    "mount -t tmpfs -o size=4k trex-small-disk \"$1\"", "sh", folder.toString())))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Assumptions.assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
                    "this machine lets no user mount a tmpfs in namespaces of their own (unshare -rm)");
        } catch (IOException e) {
            Assumptions.abort("unshare cannot be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new SmallDisk(folder);
    }

    /** {@code trex args} in a child JVM with a disk of {@code size} (as tmpfs reads it: 64k) on the folder. */
    Process start(String size, Start start, List<String> args, Path log) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", SCRIPT, "sh", folder.toString(), size,
                start.name(), listing.toString()));
        command.addAll(Workspace.command(args));
        try {
            return new ProcessBuilder(namespaces(command)).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path the disk held when {@code trex} ended (the filler aside), as {@code find} printed them. */
    List<String> heldAtTheEnd() {
        try {
            return Files.readAllLines(listing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the files the disk held when {@code trex} ended (the filler aside), under their paths on it. */
    Path filesAtTheEnd() {
        return listing.resolveSibling(listing.getFileName() + ".files");
    }

    private static List<String> namespaces(List<String> command) {
        List<String> all = new ArrayList<>(List.of("unshare", "--user", "--map-root-user", "--mount"));
        all.addAll(command);
        return all;
    }
}
