package org.trex.optout;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Objectors found by an {@link ObjectorSource}, and how many objections it could not turn into a person to look
 * for because their NHS number is missing or invalid (no extract holds such a person: runs leave them out).
 */
public record Objectors(List<Objector> people, long skipped) {
    public Objectors {
        people = List.copyOf(requireNonNull(people, "people is null"));
        if (skipped < 0) {
            throw new IllegalArgumentException("Cannot count " + skipped + " skipped objections");
        }
    }
}
