package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts index events by group as they stream past: each event falls in one group of every dimension and is
 * left out for at most one reason (the first that holds), or kept. Not thread-safe.
 */
public final class GroupTally {
    private final List<Label> dimensions;
    private final Map<String, Map<String, Counts>> byDimension = new LinkedHashMap<>();

    private static final class Counts {
        long events;
        long notLinked;
        final Map<String, Long> leftOut = new HashMap<>();
    }

    public GroupTally(List<Label> dimensions) {
        this.dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        this.dimensions.forEach(d -> byDimension.put(d.code(), new TreeMap<>()));
    }

    /** Whether an index event links to a council record. */
    public enum Link { LINKED, NOT_LINKED }

    /**
     * Counts one event: its group in each dimension (in the order of the dimensions), why it was left out, and
     * whether it links to a council record.
     */
    public void add(List<String> groups, Optional<String> reason, Link link) {
        requireNonNull(link, "link is null");
        requireNonNull(reason, "reason is null");
        if (groups.size() != dimensions.size()) {
            throw new IllegalArgumentException("Cannot count an event in " + groups.size() + " groups: there are "
                    + dimensions.size() + " dimensions");
        }
        for (int i = 0; i < groups.size(); i++) {
            Counts counts = byDimension.get(dimensions.get(i).code())
                    .computeIfAbsent(requireNonNull(groups.get(i), "group is null"), g -> new Counts());
            counts.events++;
            counts.notLinked += link == Link.NOT_LINKED ? 1 : 0;
            reason.ifPresent(r -> counts.leftOut.merge(r, 1L, Long::sum));
        }
    }

    public List<Label> dimensions() {
        return dimensions;
    }

    /** The groups counted so far, dimension by dimension, groups in order of their names ("0-17" before "18-64"). */
    public List<GroupCount> groups() {
        List<GroupCount> groups = new ArrayList<>();
        byDimension.forEach((dimension, counts) -> counts.forEach((group, c) ->
                groups.add(new GroupCount(dimension, group, c.events, c.leftOut, c.notLinked))));
        return groups;
    }
}
