package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Stream;

/** A total and the cells it covers, which an attacker can subtract from one another. */
public record Relation(Cell total, List<Cell> parts, Additivity additivity) {
    public Relation {
        requireNonNull(total, "total is null");
        parts = List.copyOf(requireNonNull(parts, "parts is null"));
        requireNonNull(additivity, "additivity is null");
    }

    /** The total and its parts. */
    public Stream<Cell> members() {
        return Stream.concat(Stream.of(total), parts.stream());
    }
}
