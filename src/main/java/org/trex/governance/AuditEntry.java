package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** One entry of the hash-chained audit log; {@code details} is its canonical JSON object. */
public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        AuditAction action,
        Optional<String> extractId,
        Optional<String> runId,
        String details,
        String prevHash,
        String hash) {

    public AuditEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("Cannot use audit entry seq " + seq + ": it must be 1 or more");
        }
        requireNonNull(at, "at is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(action, "action is null");
        requireNonNull(extractId, "extractId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(details, "details is null");
        requireNonNull(prevHash, "prevHash is null");
        requireNonNull(hash, "hash is null");
    }
}
