package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

/**
 * What a cell measures (for example "records of inpatient_spell in the index window where flag X"): cells of
 * one quantity are totals of one another when one's dimensions are a subset of the other's, whichever
 * output they are in.
 */
public record Quantity(String id, Additivity additivity) {
    public Quantity {
        requireNonNull(id, "id is null");
        requireNonNull(additivity, "additivity is null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("Cannot use a quantity without an id");
        }
        if (additivity == Additivity.AT_LEAST) {
            throw new IllegalArgumentException("Cannot use quantity " + id + " as " + additivity
                    + ": that is how a measure relates to its whole, not how a total relates to its cells");
        }
    }
}
