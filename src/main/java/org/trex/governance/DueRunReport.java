package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What happened to one due extract in a {@code run --due} pass. */
public record DueRunReport(String extractId, String periodKey, Status status, Optional<String> runId,
        String message) {
    /** Whether this caller ran the extract, and how that went. */
    public enum Status {
        SUCCEEDED,
        FAILED,
        /** Another caller holds the lock for this extract and period. */
        RUNNING_ELSEWHERE,
        /** Another caller finished the period successfully after this one saw it due. */
        ALREADY_RAN
    }

    public DueRunReport {
        requireNonNull(extractId, "extractId is null");
        requireNonNull(periodKey, "periodKey is null");
        requireNonNull(status, "status is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(message, "message is null");
    }
}
