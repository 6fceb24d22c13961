package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A file that {@code trex load} loaded into a source the run read: an OpenLineage input dataset whose version is
 * the file's SHA-256, so the extract names the exact bytes its rows came from.
 *
 * @param source the source it was loaded into (social-care, hospital, objections)
 * @param period the period it holds
 * @param fileName the file's name as the load was given it
 * @param sha256 the file's SHA-256
 * @param rowsLoaded rows the load took from it: exact, as the governance records hold them, or as an extract's lineage
 *     published them (through the policy's suppression and rounding: empty where suppressed)
 * @param loadedAt when the load committed
 */
public record SourceLoad(String source, String period, String fileName, String sha256, OptionalLong rowsLoaded,
        Instant loadedAt) {
    /** The OpenLineage namespace of loaded files. */
    public static final String NAMESPACE = "file";

    public SourceLoad {
        LineageChecks.requireText(source, "source");
        LineageChecks.requireText(period, "period");
        LineageChecks.requireText(fileName, "fileName");
        LineageChecks.requireSha256(sha256, "sha256");
        requireNonNull(rowsLoaded, "rowsLoaded is null");
        rowsLoaded.ifPresent(rows -> LineageChecks.requireCount(rows, "rowsLoaded"));
        requireNonNull(loadedAt, "loadedAt is null");
    }

    /** One line for people: source, period, file, digest and rows. */
    public String describe() {
        String rows = rowsLoaded.isPresent() ? String.format("%,d rows", rowsLoaded.getAsLong())
                : "a suppressed count of rows";
        return String.format("%s %s: %s SHA-256 %s (%s loaded %s)", source, period, fileName, sha256, rows, loadedAt);
    }
}
