package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
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
 * @param council social care's alone: whether its load held the rows to the council's own LA code; empty for the other
 *     sources, whose rows state no council, and where it is not known yet (before the governance records are read) or
 *     was not stated (an extract's lineage written before TREx stated it)
 */
public record SourceLoad(String source, String period, String fileName, String sha256, OptionalLong rowsLoaded,
        Instant loadedAt, Optional<CouncilCodeCheck> council) {
    /** The OpenLineage namespace of loaded files. */
    public static final String NAMESPACE = "file";
    /** The source whose rows state their council, in {@code LA_Code}. */
    private static final String SOCIAL_CARE = "social-care";

    public SourceLoad {
        LineageChecks.requireText(source, "source");
        LineageChecks.requireText(period, "period");
        LineageChecks.requireText(fileName, "fileName");
        LineageChecks.requireSha256(sha256, "sha256");
        requireNonNull(rowsLoaded, "rowsLoaded is null");
        rowsLoaded.ifPresent(rows -> LineageChecks.requireCount(rows, "rowsLoaded"));
        requireNonNull(loadedAt, "loadedAt is null");
        requireNonNull(council, "council is null");
        if (council.isPresent() && !source.equals(SOCIAL_CARE)) {
            throw new IllegalArgumentException("Cannot take a council's LA code for a load of " + source
                    + ": only social care files state one");
        }
    }

    /** A load as the source database holds it, before the governance records say what its rows were held to. */
    public SourceLoad(String source, String period, String fileName, String sha256, OptionalLong rowsLoaded,
            Instant loadedAt) {
        this(source, period, fileName, sha256, rowsLoaded, loadedAt, Optional.empty());
    }

    /** This load, with whether its rows were held to the council's own LA code. */
    public SourceLoad withCouncil(CouncilCodeCheck check) {
        return new SourceLoad(source, period, fileName, sha256, rowsLoaded, loadedAt,
                Optional.of(requireNonNull(check, "check is null")));
    }

    /** One line for people: source, period, file, digest, rows and, for social care, whose LA code it was held to. */
    public String describe() {
        String rows = rowsLoaded.isPresent() ? String.format("%,d rows", rowsLoaded.getAsLong())
                : "a suppressed count of rows";
        return String.format("%s %s: %s SHA-256 %s (%s loaded %s%s)", source, period, fileName, sha256, rows, loadedAt,
                council.map(check -> "; " + check.inWords()).orElse(""));
    }
}
