package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The approval a run relied on: reference, who approved, when, until when, and on what conditions. */
public record Approval(String reference, String approver, Instant approvedAt, Optional<LocalDate> expires, List<String> conditions) {
    public Approval {
        Names.requireText(reference, "reference");
        Names.requireText(approver, "approver");
        requireNonNull(approvedAt, "approvedAt is null");
        requireNonNull(expires, "expires is null");
        conditions = List.copyOf(requireNonNull(conditions, "conditions is null"));
    }
}
