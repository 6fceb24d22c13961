package org.trex.optout;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.trex.nhs.NhsNumber;

/**
 * Someone who now objects to the use of their NHS number: the number (held in memory only, never printed; its
 * {@code toString} is redacted), why they are out ({@link ExclusionReason#LOCAL_OBJECTION} or
 * {@link ExclusionReason#NATIONAL_DATA_OPT_OUT_OR_UNCHECKED}) and since when.
 */
public record Objector(NhsNumber number, ExclusionReason reason, LocalDate since) {
    public Objector {
        requireNonNull(number, "number is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(since, "since is null");
    }
}
