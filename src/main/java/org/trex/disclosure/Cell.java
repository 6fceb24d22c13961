package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** One true value of an aggregate, before release: a count, or a sum with its largest contributions. */
public record Cell(CellKey key, Quantity quantity, long value, Optional<Contributions> contributions) {
    public Cell {
        requireNonNull(key, "key is null");
        requireNonNull(quantity, "quantity is null");
        requireNonNull(contributions, "contributions is null");
        if (value < 0) {
            throw new IllegalArgumentException("Cannot use cell " + key + ": its value is negative");
        }
    }

    /** A count: no contributions to weigh. */
    public static Cell count(CellKey key, Quantity quantity, long value) {
        return new Cell(key, quantity, value, Optional.empty());
    }
}
