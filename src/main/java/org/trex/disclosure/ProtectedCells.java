package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cells of an extract's aggregates with what was decided for each, the relations an attacker could use, the
 * interval the attacker check found for each suppressed cell (all wider than the protection range), and how many
 * linear programmes it took.
 */
public record ProtectedCells(List<DecidedCell> cells, int relations, Map<CellKey, Interval> intervals,
        long programmes) {
    public ProtectedCells {
        cells = List.copyOf(requireNonNull(cells, "cells is null"));
        intervals = Map.copyOf(requireNonNull(intervals, "intervals is null"));
    }

    /** How many cells have this status. */
    public long count(CellStatus status) {
        return cells.stream().filter(c -> c.status() == status).count();
    }

    /** The cells of one output. */
    public List<DecidedCell> of(String output) {
        return cells.stream().filter(c -> c.key().output().equals(output)).toList();
    }

    /** The narrowest interval an attacker can infer for a suppressed cell of the output, if it has any. */
    public Optional<Interval> narrowest(String output) {
        return intervals.entrySet().stream().filter(e -> e.getKey().output().equals(output)).map(Map.Entry::getValue)
                .min(Comparator.comparingDouble(Interval::width));
    }
}
