package org.trex.extract;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * A file of an extract as the manifest lists it: path relative to the extract root (with {@code /}), format
 * (from the extension), size, SHA-256, and rows for data files.
 */
public record ManifestFile(String path, String format, long bytes, String sha256, OptionalLong rows) {
    public ManifestFile {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(rows, "rows is null");
        if (path.isBlank() || path.startsWith("/") || path.contains("\\") || path.contains("..")) {
            throw new IllegalArgumentException("Cannot list file in manifest: path is not relative: " + path);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("Cannot list file in manifest: " + path + " has negative size " + bytes);
        }
    }

    /** The format a file's name implies: its extension, or "file" when it has none. */
    public static String formatOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "file" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
