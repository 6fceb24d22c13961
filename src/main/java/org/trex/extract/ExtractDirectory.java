package org.trex.extract;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An extract directory being written: everything goes under a hidden staging directory beside the
 * final one and is renamed into place in one step, so {@code OUT/<extract>/<run>} appears whole or not
 * at all. Files are readable by the owner only.
 */
public final class ExtractDirectory {
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String STAGING_PREFIX = ".staging-";

    private final Path staging;
    private final Path target;
    private final Lease lease;

    private ExtractDirectory(Path staging, Path target, Lease lease) {
        this.staging = staging;
        this.target = target;
        this.lease = lease;
    }

    /**
     * Creates the staging directory for {@code <root>/<extractId>/<runId>}, after removing staging
     * directories that runs killed mid-way left behind.
     */
    public static ExtractDirectory stage(Path root, String extractId, String runId) {
        requireNonNull(root, "root is null");
        requireNonNull(extractId, "extractId is null");
        requireNonNull(runId, "runId is null");
        Path extractRoot = root.resolve(extractId);
        Path target = extractRoot.resolve(runId);
        Path staging = extractRoot.resolve(STAGING_PREFIX + runId);
        try {
            createOwnerOnly(root);
            createOwnerOnly(extractRoot);
            removeAbandoned(extractRoot);
            if (Files.exists(target)) {
                throw new IllegalArgumentException("Cannot start run " + runId + " of " + extractId + ": " + target
                        + " already exists; give another --run-id");
            }
            if (Files.exists(staging)) {
                throw new IllegalArgumentException("Cannot start run " + runId + " of " + extractId
                        + ": another process is writing it in " + staging);
            }
            Lease lease = Lease.create(staging);
            Files.createDirectory(staging.resolve("data"));
            Files.createDirectory(staging.resolve("lineage"));
            return new ExtractDirectory(staging, target, lease);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create extract directory " + staging + ": " + IoReasons.of(e), e);
        }
    }

    /** Where files are written until publication. */
    public Path staging() {
        return staging;
    }

    /** Where the extract will be once published. */
    public Path target() {
        return target;
    }

    /**
     * The folder inside staging for files a run keeps until it publishes and never publishes (the people the release
     * register reads): the manifest leaves it out, and the run removes it before the rename.
     */
    public static final String UNPUBLISHED = ".unpublished";

    /** The data directory inside staging. */
    public Path data() {
        return staging.resolve("data");
    }

    /**
     * Restricts every file and directory to the owner and renames staging to the final path in one step. The lease
     * goes only now, so the published directory holds only the extract's own files, and until now no other run took
     * the staging for a dead run's, however long the run took to record its release.
     */
    public Path publish() {
        lease.close();
        try {
            try (Stream<Path> paths = Files.walk(staging)) {
                for (Path path : paths.toList()) {
                    Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_DIRECTORY : OWNER_FILE);
                }
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("Cannot publish " + target + ": it already exists", e);
        } catch (AtomicMoveNotSupportedException e) {
            throw new UncheckedIOException("Cannot publish " + target + ": the file system cannot rename atomically",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish " + target + ": " + IoReasons.of(e), e);
        }
    }

    /**
     * Renames a published extract back to staging, for a publication that could not be recorded; a no-op when
     * nothing was published.
     */
    public void unpublish() {
        try {
            if (Files.isDirectory(target) && !Files.exists(staging)) {
                Files.move(target, staging, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot withdraw " + target
                    + " after its publication could not be recorded: "
                    + IoReasons.of(e), e);
        }
    }

    /**
     * The folders under {@code <root>/<extractId>} named as runs are (a UUID): published extracts, recorded or not;
     * none when the extract has no folder yet.
     */
    public static List<Path> runFolders(Path root, String extractId) {
        Path extractRoot = root.resolve(extractId);
        if (!Files.isDirectory(extractRoot)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(extractRoot)) {
            return children.filter(Files::isDirectory).filter(p -> isRunId(p.getFileName().toString())).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the runs in " + extractRoot + ": " + IoReasons.of(e), e);
        }
    }

    /**
     * Takes an extract no release stands for away from its final path in one step, renamed to a staging folder of
     * its run, which is then removed; what a removal that fails leaves is a staging folder with no lease, which the
     * extract's next run removes.
     */
    public static void withdraw(Path runFolder) {
        requireNonNull(runFolder, "runFolder is null");
        Path staging = runFolder.resolveSibling(STAGING_PREFIX + runFolder.getFileName());
        try {
            Files.move(runFolder, staging, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot withdraw " + runFolder + ": " + IoReasons.of(e), e);
        }
        deleteTree(staging);
    }

    private static boolean isRunId(String name) {
        try {
            return UUID.fromString(name).toString().equals(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Deletes the staging directory after a failure; nothing reaches the final path. */
    public void discard() {
        lease.close();
        deleteTree(staging);
    }

    /** Creates {@code directory}, and any parent it needs, readable by the owner only. */
    public static void createOwnerOnly(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
        }
    }

    /** Staging directories whose lease lapsed were left by a crash or a kill, on this host or another. */
    private static void removeAbandoned(Path extractRoot) throws IOException {
        try (Stream<Path> children = Files.list(extractRoot)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                if (Lease.abandoned(child)) {
                    deleteTree(child);
                }
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + root + ": " + IoReasons.of(e), e);
        }
    }
}
