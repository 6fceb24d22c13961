package org.trex.governance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An approval as the governance database records it: the board's reference, the plan hash, expiry and
 * conditions, and the armoured SSHSIG signatures members gave over its statement. Nothing here is trusted on its
 * own: {@link BoardSignatures} decides what the signatures are worth. It no longer applies from {@code expiresOn}
 * (the first day it is expired) or once it is revoked.
 */
public record Approval(
        long id,
        String extractId,
        int specVersion,
        String planHash,
        String reference,
        Instant approvedAt,
        Optional<LocalDate> expiresOn,
        Optional<String> conditions,
        List<String> signatures,
        Optional<Revocation> revocation) {

    /** Who withdrew an approval, when and why, with their signature over the revocation statement if it had one. */
    public record Revocation(Instant at, String by, String reason, Optional<String> signature) {
        public Revocation {
            requireNonNull(at, "at is null");
            requireNonNull(by, "by is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(signature, "signature is null");
        }
    }

    public Approval {
        requireNonNull(extractId, "extractId is null");
        requireNonNull(planHash, "planHash is null");
        requireNonNull(reference, "reference is null");
        requireNonNull(approvedAt, "approvedAt is null");
        requireNonNull(expiresOn, "expiresOn is null");
        requireNonNull(conditions, "conditions is null");
        signatures = List.copyOf(requireNonNull(signatures, "signatures is null"));
        requireNonNull(revocation, "revocation is null");
    }

    /** The statement its signatures must verify over, for this subject (the current plan of the extract). */
    public ApprovalStatement statement(ApprovalSubject subject) {
        return ApprovalStatement.of(subject, reference, expiresOn, conditions);
    }

    /** Whether the approval has expired by {@code asOf}. */
    public boolean expiredBy(LocalDate asOf) {
        requireNonNull(asOf, "asOf is null");
        return expiresOn.filter(expiry -> !asOf.isBefore(expiry)).isPresent();
    }

    /** The revocation statement a member signs to withdraw this approval. */
    public RevocationStatement revocationStatement(String reason) {
        return new RevocationStatement(extractId, reference, planHash, reason);
    }
}
