package org.trex.load;

import static java.util.Objects.requireNonNull;

/**
 * One file of a load: its name, SHA-256 and rows.
 *
 * @param name the file name as given (no directory is recorded beyond what the user typed)
 * @param sha256 hex SHA-256 of its bytes
 * @param rowsRead data rows read
 * @param rowsLoaded rows that passed every quarantining rule
 */
public record LoadedFile(String name, String sha256, long rowsRead, long rowsLoaded) {
    public LoadedFile {
        requireNonNull(name, "name is null");
        requireNonNull(sha256, "sha256 is null");
        if (rowsRead < 0 || rowsLoaded < 0 || rowsLoaded > rowsRead) {
            throw new IllegalArgumentException("Cannot record file " + name + ": " + rowsLoaded + " of " + rowsRead
                    + " rows loaded");
        }
    }

    public long rowsQuarantined() {
        return rowsRead - rowsLoaded;
    }
}
