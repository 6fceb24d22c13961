package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * Who the linkage and the exclusions miss, as counted on the source before disclosure control: the PDS trace
 * outcomes and NHS-number validity of the council records, the index events that link to a council record, the
 * index events by group and exclusion reason (reasons in the order the checks apply), and implausible links.
 * Dimensions read from the linked council record ({@code councilSide}, such as client type) put the events that
 * link to none in the group {@link Groups#NO_COUNCIL_RECORD}.
 */
public record LinkageCounts(
        List<Tally> traceOutcomes,
        List<Tally> numberValidity,
        long indexEvents,
        long linkedEvents,
        List<Label> reasons,
        List<Label> dimensions,
        Set<String> councilSide,
        List<GroupCount> groups,
        List<Tally> implausible) {

    public LinkageCounts {
        traceOutcomes = List.copyOf(requireNonNull(traceOutcomes, "traceOutcomes is null"));
        numberValidity = List.copyOf(requireNonNull(numberValidity, "numberValidity is null"));
        reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        councilSide = Set.copyOf(requireNonNull(councilSide, "councilSide is null"));
        List<String> codes = dimensions.stream().map(Label::code).toList();
        for (String dimension : councilSide) {
            if (!codes.contains(dimension)) {
                throw new IllegalArgumentException("Cannot read dimension " + dimension
                        + " from the council record: no such dimension, expected one of " + codes);
            }
        }
        groups = List.copyOf(requireNonNull(groups, "groups is null"));
        implausible = List.copyOf(requireNonNull(implausible, "implausible is null"));
        if (linkedEvents < 0 || linkedEvents > indexEvents) {
            throw new IllegalArgumentException("Cannot count linkage: " + linkedEvents + " of " + indexEvents
                    + " index events linked");
        }
        for (GroupCount group : groups) {
            if (dimensions.stream().noneMatch(d -> d.code().equals(group.dimension()))) {
                throw new IllegalArgumentException("Cannot count group " + group.dimension() + "=" + group.group()
                        + ": no such dimension, expected one of " + dimensions.stream().map(Label::code).toList());
            }
            for (String reason : group.leftOut().keySet()) {
                if (reasons.stream().noneMatch(r -> r.code().equals(reason))) {
                    throw new IllegalArgumentException("Cannot count group " + group.dimension() + "=" + group.group()
                            + ": reason " + reason + " is not one of " + reasons.stream().map(Label::code).toList());
                }
            }
        }
    }

    /** Index events left out for a reason code, over the whole cohort (read off the first dimension). */
    public long leftOut(String reason) {
        return firstDimension().stream().mapToLong(g -> g.leftOut(reason)).sum();
    }

    /** The groups of the first dimension: every event falls in exactly one of them. */
    List<GroupCount> firstDimension() {
        if (dimensions.isEmpty()) {
            return List.of();
        }
        String first = dimensions.get(0).code();
        return groups.stream().filter(g -> g.dimension().equals(first)).toList();
    }
}
