package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The approval a run relied on, as lineage shows it: the board's reference, when it was first recorded, until when
 * and on what conditions, the exact statement the board members signed, the SHA-256 of the board register their
 * signatures were checked against, and the members who signed.
 */
public record ApprovalRecord(String reference, Instant recordedAt, Optional<LocalDate> expires, List<String> conditions,
        String statement, String boardRegisterSha256, List<SignerRecord> signers) {
    public ApprovalRecord {
        LineageChecks.requireText(reference, "reference");
        requireNonNull(recordedAt, "recordedAt is null");
        requireNonNull(expires, "expires is null");
        conditions = List.copyOf(requireNonNull(conditions, "conditions is null"));
        LineageChecks.requireText(statement, "statement");
        LineageChecks.requireText(boardRegisterSha256, "boardRegisterSha256");
        signers = List.copyOf(requireNonNull(signers, "signers is null"));
    }
}
