package org.trex.optout;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.trex.spec.Applicability;

/** What a released extract was made under, as objector sources need it: its as-of date and the national opt-out. */
public record ReleasedUnder(LocalDate asOf, Applicability nationalDataOptOut) {
    public ReleasedUnder {
        requireNonNull(asOf, "asOf is null");
        requireNonNull(nationalDataOptOut, "nationalDataOptOut is null");
    }
}
