package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A copy of a released extract that was read before its deletion notice was recorded done: its folder, each data
 * file read there, none holding a row of anyone the notice names, and the outputs found deleted whole (those without
 * a person column that held someone the notice names, whose rows no check can find).
 */
public record CheckedCopy(Path folder, List<CheckedFile> files, List<String> deletedWhole) {
    public CheckedCopy {
        requireNonNull(folder, "folder is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        deletedWhole = List.copyOf(requireNonNull(deletedWhole, "deletedWhole is null"));
        if (files.isEmpty() && deletedWhole.isEmpty()) {
            throw new IllegalArgumentException("Cannot record copy " + folder + " as checked: no file of it was read");
        }
    }

    /** One data file of a checked copy: its path in the copy, the output it holds, its SHA-256 and its rows. */
    public record CheckedFile(String path, String output, String sha256, long rows) {
        public CheckedFile {
            Texts.requireText(path, "path");
            Texts.requireText(output, "output");
            requireNonNull(sha256, "sha256 is null");
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("Cannot record file " + path + " as checked: SHA-256 '" + sha256
                        + "' is not 64 hex digits");
            }
            if (rows < 0) {
                throw new IllegalArgumentException("Cannot record file " + path + " as checked: " + rows + " rows");
            }
        }
    }
}
