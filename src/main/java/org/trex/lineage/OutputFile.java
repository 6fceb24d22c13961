package org.trex.lineage;

import static java.util.Objects.requireNonNull;

/** A data file of an output, by path relative to the extract directory, e.g. {@code data/spells.parquet}. */
public record OutputFile(String path, FileFormat format, long rows, long bytes, String sha256) {
    public OutputFile {
        LineageChecks.requireText(path, "path");
        if (path.startsWith("/") || path.contains("\\") || path.contains("..")) {
            throw new IllegalArgumentException(
                    "Cannot describe lineage: file path is not relative to the extract: " + path);
        }
        requireNonNull(format, "format is null");
        LineageChecks.requireCount(rows, "rows");
        LineageChecks.requireCount(bytes, "bytes");
        LineageChecks.requireSha256(sha256, "file sha256");
    }
}
