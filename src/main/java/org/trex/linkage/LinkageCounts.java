package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * Who the linkage and the exclusions miss, as counted on the source before disclosure control: the PDS trace
 * outcomes and NHS-number validity of the council records, the index events that link to a council record, the
 * index events by group and exclusion reason (reasons in the order the checks apply), and implausible links.
 * Dimensions read from the linked council record ({@code councilSide}, such as client type) put the events that
 * link to none in the group {@link Groups#NO_COUNCIL_RECORD}. A reason of {@code neverLinked} is one only an event
 * that links to no council record can have (a missing NHS number matches none): its left-out events in a council-side
 * dimension's other groups are none, as anyone knows.
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
        List<Tally> implausible,
        Set<String> neverLinked) {

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
        neverLinked = Set.copyOf(requireNonNull(neverLinked, "neverLinked is null"));
        for (GroupCount group : groups) {
            for (String reason : neverLinked) {
                if (noneCanBe(neverLinked, councilSide, reason, group) && group.leftOut(reason) > 0) {
                    throw new IllegalArgumentException("Cannot count group " + group.dimension() + "=" + group.group()
                            + ": it holds events of a council record left out for " + reason + ", which only an"
                            + " event that links to none can be");
                }
            }
        }
        long traced = traceOutcomes.stream().mapToLong(Tally::count).sum();
        long checked = numberValidity.stream().mapToLong(Tally::count).sum();
        if (!traceOutcomes.isEmpty() && !numberValidity.isEmpty() && traced != checked) {
            throw new IllegalArgumentException("Cannot count council records: " + traced + " by trace outcome and "
                    + checked + " by NHS-number validity, expected the same records");
        }
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
        if (dimensions.isEmpty() && indexEvents > 0) {
            throw new IllegalArgumentException("Cannot count " + indexEvents + " index events in no dimension: the"
                    + " section's counts of those included and left out are read off its groups");
        }
        long leftOut = -1;
        for (Label dimension : dimensions) {
            List<GroupCount> of = groups.stream().filter(g -> g.dimension().equals(dimension.code())).toList();
            long events = of.stream().mapToLong(GroupCount::events).sum();
            long notLinked = of.stream().mapToLong(GroupCount::notLinked).sum();
            long missed = of.stream().mapToLong(GroupCount::leftOutForAnyReason).sum();
            // Each dimension's groups hold every event once, so the section's wholes are any dimension's sums.
            if (events != indexEvents || notLinked != indexEvents - linkedEvents || leftOut >= 0 && missed != leftOut) {
                throw new IllegalArgumentException("Cannot count dimension " + dimension.code() + ": its groups hold "
                        + events + " index events, " + missed + " left out and " + notLinked + " not linked, expected "
                        + indexEvents + " events, " + (indexEvents - linkedEvents) + " not linked and the same left"
                        + " out in every dimension");
            }
            leftOut = missed;
        }
    }

    /** Counts with no reason that only an event linked to no council record can have. */
    public LinkageCounts(List<Tally> traceOutcomes, List<Tally> numberValidity, long indexEvents, long linkedEvents,
            List<Label> reasons, List<Label> dimensions, Set<String> councilSide, List<GroupCount> groups,
            List<Tally> implausible) {
        this(traceOutcomes, numberValidity, indexEvents, linkedEvents, reasons, dimensions, councilSide, groups,
                implausible, Set.of());
    }

    /** Whether anyone knows the group has no event left out for the reason: no linked event can have it. */
    boolean noneCanBe(String reason, GroupCount group) {
        return noneCanBe(neverLinked, councilSide, reason, group);
    }

    private static boolean noneCanBe(Set<String> neverLinked, Set<String> councilSide, String reason,
            GroupCount group) {
        return neverLinked.contains(reason) && councilSide.contains(group.dimension())
                && !group.group().equals(Groups.NO_COUNCIL_RECORD);
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
