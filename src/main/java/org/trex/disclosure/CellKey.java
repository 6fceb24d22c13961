package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a cell sits: its output, its measure column and its dimension values by column (a value may be null, a
 * group of blanks). A total over a dimension does not have that dimension.
 */
public record CellKey(String output, String measure, SortedMap<String, String> dimensions) {
    public CellKey {
        requireNonNull(output, "output is null");
        requireNonNull(measure, "measure is null");
        requireNonNull(dimensions, "dimensions is null");
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }

    /** A key from any map of dimension values. */
    public static CellKey of(String output, String measure, Map<String, String> dimensions) {
        return new CellKey(output, measure, new TreeMap<>(requireNonNull(dimensions, "dimensions is null")));
    }

    /** True when {@code other} has every dimension of this key with the same value (and maybe more). */
    boolean covers(CellKey other) {
        return other.dimensions.keySet().containsAll(dimensions.keySet())
                && dimensions.entrySet().stream()
                .allMatch(e -> Objects.equals(other.dimensions.get(e.getKey()), e.getValue()));
    }

    /** "output.measure{dimension=value, ...}", for reports (dimension values are categories, never a person's data). */
    @Override
    public String toString() {
        return output + "." + measure + dimensions;
    }
}
