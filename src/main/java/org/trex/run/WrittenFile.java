package org.trex.run;

import static java.util.Objects.requireNonNull;

/** A data file a run wrote: its path relative to the extract directory, format, rows, bytes, SHA-256. */
public record WrittenFile(String path, String format, long rows, long bytes, String sha256) {
    public WrittenFile {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        requireNonNull(sha256, "sha256 is null");
    }
}
