package org.trex.plan;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.trex.spec.CountOf;

/** A count column of an aggregate output; {@code whereColumn} names the SQL column of its flag filter. */
public record PlannedMeasure(String name, CountOf countOf, Optional<String> whereField, Optional<String> whereColumn) {
    public PlannedMeasure {
        requireNonNull(name, "name is null");
        requireNonNull(countOf, "countOf is null");
        requireNonNull(whereField, "whereField is null");
        requireNonNull(whereColumn, "whereColumn is null");
    }
}
