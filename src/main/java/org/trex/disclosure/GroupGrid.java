package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The groups of an aggregate table as a full grid, the cross product of its dimensions' values, as statistical
 * disclosure control tabulates (tau-ARGUS among others): a dimension's values are its fixed list where it has one
 * (codes, bands), else those found in the data, with a blank where some row has one. A group no one is in is
 * published as a cell of zero, which disclosure control then decides like any other (suppressed where the policy
 * holds zeros disclosive), rather than left out, which would publish its zero to anyone who knows the list.
 */
public final class GroupGrid {
    /** The most groups a table may have: more, and disclosure control could not decide every cell in a run. */
    public static final long MAX_GROUPS = 50_000;

    private final String output;
    private final List<String> dimensions;
    private final List<List<Object>> values;

    private GroupGrid(String output, List<String> dimensions, List<List<Object>> values) {
        this.output = output;
        this.dimensions = dimensions;
        this.values = values;
    }

    /**
     * The grid of output {@code output}'s {@code dimensions}: each dimension's {@code listed} values where present,
     * with the values {@code observed} groups (one value per dimension, null for a blank) hold beyond them.
     */
    public static GroupGrid of(String output, List<String> dimensions, List<Optional<List<Object>>> listed,
            Collection<List<Object>> observed) {
        requireNonNull(output, "output is null");
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        requireNonNull(listed, "listed is null");
        requireNonNull(observed, "observed is null");
        if (listed.size() != dimensions.size()) {
            throw new IllegalArgumentException("Cannot make the groups of output " + output + ": " + listed.size()
                    + " lists of values for " + dimensions.size() + " dimensions");
        }
        List<List<Object>> values = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            Set<Object> dimension = new LinkedHashSet<>(listed.get(i).orElse(List.of()));
            for (List<Object> group : observed) {
                dimension.add(group.get(i));
            }
            values.add(new ArrayList<>(dimension));
        }
        return new GroupGrid(output, dimensions, values);
    }

    /**
     * The groups the table lists over the dimensions not {@code totalled} that are not {@code present}, each with
     * a null in the place of a totalled dimension. Refused when the table would have more than {@link #MAX_GROUPS}.
     */
    public List<List<Object>> missing(BitSet totalled, Collection<List<Object>> present) {
        requireNonNull(totalled, "totalled is null");
        requireNonNull(present, "present is null");
        long size = 1;
        for (int i = 0; i < dimensions.size(); i++) {
            if (!totalled.get(i)) {
                size = Math.multiplyExact(size, values.get(i).size());
            }
        }
        if (size > MAX_GROUPS) {
            throw new DisclosureRefusedException("Cannot control disclosure of output " + output + ": its groups "
                    + "make a table of " + size + " cells (" + counts(totalled) + "), more than " + MAX_GROUPS
                    + "; a table lists every combination of its groups' values, those no one has too, so group it by "
                    + "fewer columns or coarser forms");
        }
        Set<List<Object>> seen = new HashSet<>();
        present.forEach(group -> seen.add(masked(group, totalled)));
        List<List<Object>> missing = new ArrayList<>();
        Object[] group = new Object[dimensions.size()];
        fill(0, group, totalled, seen, missing);
        return missing;
    }

    private void fill(int dimension, Object[] group, BitSet totalled, Set<List<Object>> seen,
            List<List<Object>> missing) {
        if (dimension == dimensions.size()) {
            List<Object> candidate = Arrays.asList(group.clone());
            if (!seen.contains(candidate)) {
                missing.add(candidate);
            }
            return;
        }
        if (totalled.get(dimension)) {
            group[dimension] = null;
            fill(dimension + 1, group, totalled, seen, missing);
            return;
        }
        for (Object value : values.get(dimension)) {
            group[dimension] = value;
            fill(dimension + 1, group, totalled, seen, missing);
        }
    }

    private static List<Object> masked(List<Object> group, BitSet totalled) {
        List<Object> masked = new ArrayList<>(group);
        totalled.stream().forEach(i -> masked.set(i, null));
        return masked;
    }

    /** "7 delay_band x 6 age_band", for the refusal. */
    private String counts(BitSet totalled) {
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            if (!totalled.get(i)) {
                counts.add(values.get(i).size() + " " + dimensions.get(i));
            }
        }
        return String.join(" x ", counts);
    }
}
