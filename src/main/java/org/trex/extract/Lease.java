package org.trex.extract;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A run's claim on a folder it writes (staging, Spark scratch) that holds across hosts: a lease file naming the
 * host and process, whose modification time a heartbeat renews. With {@code --out} on a folder several hosts
 * share, a process ID says nothing about a process on another host, so a folder is abandoned only when its
 * heartbeat is older than {@link #STALE}, or when its writer was on this host and that process is gone.
 */
public final class Lease implements AutoCloseable {
    /** The lease file inside the folder. */
    public static final String FILE = ".lease";
    /** How old a heartbeat may be before its folder counts as abandoned. */
    public static final Duration STALE = Duration.ofMinutes(5);
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "trex-lease-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private final Path file;
    private final ScheduledFuture<?> heartbeat;

    private Lease(Path file, ScheduledFuture<?> heartbeat) {
        this.file = file;
        this.heartbeat = heartbeat;
    }

    /**
     * Creates {@code folder}, owner-only, with this process's lease already in it (made aside, then renamed into
     * place), so no run ever sees the folder without its lease, however early its writer is killed; the heartbeat
     * keeps the lease fresh until closed.
     */
    public static Lease create(Path folder) throws IOException {
        requireNonNull(folder, "folder is null");
        Path pending = folder.resolveSibling(".lease-pending-" + UUID.randomUUID());
        Files.createDirectory(pending,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            ProcessHandle self = ProcessHandle.current();
            Files.writeString(pending.resolve(FILE), host() + "\n" + self.pid() + "\n" + started(self) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(pending, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(pending.resolve(FILE));
            Files.deleteIfExists(pending);
            throw e;
        }
        Path file = folder.resolve(FILE);
        long period = HEARTBEAT.toMillis();
        return new Lease(file,
                HEARTBEATS.scheduleAtFixedRate(() -> renew(file), period, period, TimeUnit.MILLISECONDS));
    }

    /**
     * Whether {@code folder}'s writer is gone: its process on this host ended (or its ID now names another process),
     * or, for a writer on another host, its heartbeat is stale. A live writer on this host keeps its folder however old
     * its heartbeat: a process paused (SIGSTOP, a suspended machine) or a clock stepped forward stops no run.
     */
    public static boolean abandoned(Path folder) {
        requireNonNull(folder, "folder is null");
        Path file = folder.resolve(FILE);
        Instant now = Instant.now();
        try {
            if (!Files.exists(file)) {
                // A folder its run left without a lease (one it failed to remove, an extract withdrawn in part):
                // judge by the folder.
                return stale(Files.getLastModifiedTime(folder), now);
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() >= 2 && lines.get(0).equals(host())) {
                return !alive(lines.get(1), lines.size() >= 3 ? Optional.of(lines.get(2)) : Optional.empty());
            }
            return stale(Files.getLastModifiedTime(file), now);
        } catch (IOException e) {
            // Removed meanwhile (published or discarded), or unreadable: never delete what cannot be judged.
            return false;
        }
    }

    /** Stops the heartbeat and removes the lease file, so the folder holds only what was written into it. */
    @Override
    public void close() {
        heartbeat.cancel(false);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the lease " + file + ": " + e.getMessage(), e);
        }
    }

    private static void renew(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // Gone with its folder (a published or discarded run); the next beat is cancelled with the lease.
        }
    }

    private static boolean stale(FileTime modified, Instant now) {
        return modified.toInstant().plus(STALE).isBefore(now);
    }

    /** Whether process {@code pid} lives and, when the lease says when its writer started, is that writer. */
    private static boolean alive(String pid, Optional<String> started) {
        try {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid.strip()))
                    .filter(ProcessHandle::isAlive);
            return process.isPresent() && started.map(s -> s.strip().equals(started(process.get()))).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** When a process started, in milliseconds since the epoch, as a lease records it; blank when not known. */
    private static String started(ProcessHandle process) {
        return process.info().startInstant().map(at -> Long.toString(at.toEpochMilli())).orElse("");
    }

    /** This host's name, as a lease records it. */
    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
