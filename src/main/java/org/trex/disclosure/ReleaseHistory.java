package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The cells earlier runs of an extract released, by key, oldest first. */
public record ReleaseHistory(Map<CellKey, List<EarlierRelease>> cells) {
    /** A first release: nothing to compare with. */
    public static final ReleaseHistory NONE = new ReleaseHistory(Map.of());

    public ReleaseHistory {
        requireNonNull(cells, "cells is null");
        cells = cells.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** What earlier runs released for this cell, oldest first; empty when none had it. */
    public List<EarlierRelease> of(CellKey key) {
        return cells.getOrDefault(key, List.of());
    }

    /** The runs whose cells this history holds: the releases a run's cells were checked against. */
    public Set<String> runIds() {
        return cells.values().stream().flatMap(List::stream).map(EarlierRelease::runId)
                .collect(Collectors.toUnmodifiableSet());
    }
}
