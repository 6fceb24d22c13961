package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A recorded approval of one plan hash of an extract. It no longer applies from {@code expiresOn}
 * (the first day it is expired) or once it is revoked.
 */
public record Approval(
        long id,
        String extractId,
        int specVersion,
        String planHash,
        String approver,
        String reference,
        Instant approvedAt,
        Optional<LocalDate> expiresOn,
        Optional<String> conditions,
        Optional<Revocation> revocation) {

    /** Who withdrew an approval, when and why. */
    public record Revocation(Instant at, String by, String reason) {
        public Revocation {
            requireNonNull(at, "at is null");
            requireNonNull(by, "by is null");
            requireNonNull(reason, "reason is null");
        }
    }

    public Approval {
        requireNonNull(extractId, "extractId is null");
        requireNonNull(planHash, "planHash is null");
        requireNonNull(approver, "approver is null");
        requireNonNull(reference, "reference is null");
        requireNonNull(approvedAt, "approvedAt is null");
        requireNonNull(expiresOn, "expiresOn is null");
        requireNonNull(conditions, "conditions is null");
        requireNonNull(revocation, "revocation is null");
    }

    /** Whether the approval has expired by {@code asOf}. */
    public boolean expiredBy(LocalDate asOf) {
        requireNonNull(asOf, "asOf is null");
        return expiresOn.filter(expiry -> !asOf.isBefore(expiry)).isPresent();
    }
}
