package org.trex.extract;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A write refused for want of room on the disk holding a folder (the disk full, or the user's quota on it used up):
 * an operator's disk, not a user's mistake, and named in TREx's words before whatever library met it.
 */
public record FullDisk(Path folder, Shortage shortage, Throwable write, OptionalLong bytesFree) {
    /** Which room ran out. */
    public enum Shortage {
        /** ENOSPC, as Linux and macOS word it. */
        DISK(List.of("No space left on device")),
        /** EDQUOT, as Linux and macOS word it. */
        QUOTA(List.of("Disk quota exceeded", "Disc quota exceeded"));

        private final List<String> words;

        Shortage(List<String> words) {
            this.words = words;
        }

        private boolean in(String message) {
            return words.stream().anyMatch(message::contains);
        }
    }

    public FullDisk {
        requireNonNull(folder, "folder is null");
        requireNonNull(shortage, "shortage is null");
        requireNonNull(write, "write is null");
        requireNonNull(bytesFree, "bytesFree is null");
    }

    /**
     * The full disk behind {@code failure}, when it or any of its causes says the disk (or quota) holding
     * {@code folder} had no room, with what the disk has free now, where its file system says. The write named is
     * the innermost that says so in TREx's words ({@code Cannot ...}, naming the file), else the innermost that says
     * so: Spark's and Hadoop's wrappers repeat it among words of their own.
     */
    public static Optional<FullDisk> of(Path folder, Throwable failure) {
        requireNonNull(folder, "folder is null");
        requireNonNull(failure, "failure is null");
        FullDisk found = null;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable e = failure; e != null && seen.add(e); e = e.getCause()) {
            Optional<Shortage> shortage = shortage(e);
            if (shortage.isPresent() && (found == null || own(e) || !own(found.write()))) {
                found = new FullDisk(folder, shortage.get(), e, OptionalLong.empty());
            }
        }
        return Optional.ofNullable(found)
                .map(full -> new FullDisk(folder, full.shortage(), full.write(), bytesFree(folder)));
    }

    private static boolean own(Throwable e) {
        return e.getMessage() != null && e.getMessage().startsWith("Cannot ");
    }

    private static Optional<Shortage> shortage(Throwable e) {
        if (e.getMessage() == null) {
            return Optional.empty();
        }
        for (Shortage shortage : Shortage.values()) {
            if (shortage.in(e.getMessage())) {
                return Optional.of(shortage);
            }
        }
        return Optional.empty();
    }

    /** What the disk holding the folder (or the nearest folder above it that exists) has free for this user. */
    private static OptionalLong bytesFree(Path folder) {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.getFileStore(existing).getUsableSpace());
        } catch (IOException | SecurityException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Which disk and what it has free, in TREx's words: {@code the disk holding /srv/out is full (4,096 bytes free)}.
     * The count has its thousands separated, so no run of its digits reads as an NHS number to be scrubbed.
     */
    public String reason() {
        String free = bytesFree.isPresent() ? String.format(Locale.ROOT, "%,d bytes free", bytesFree.getAsLong())
                : "free space unknown";
        return switch (shortage) {
            case DISK -> "the disk holding " + folder + " is full (" + free + ")";
            case QUOTA -> "this user's disk quota on the disk holding " + folder + " is used up (" + free
                    + " on the disk)";
        };
    }
}
