package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.trex.disclosure.Interval;
import org.trex.disclosure.SmallCounts;

/**
 * The index events included in some groups of one dimension, as counted and as anyone can read them off the
 * section: an aggregate of the included index events totals to them over its cells in those groups, so disclosure
 * control takes what the section shows as a total the attacker knows.
 */
public record IncludedEvents(String dimension, Set<String> groups, long counted, Interval shown) {
    public IncludedEvents {
        requireNonNull(dimension, "dimension is null");
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
        requireNonNull(shown, "shown is null");
        if (counted < shown.lower() || counted > shown.upper()) {
            throw new IllegalArgumentException("Cannot show " + counted + " index events included in " + dimension
                    + " " + groups + " as " + shown + ": the count is outside it");
        }
    }

    /**
     * The events included in {@code groups} of {@code dimension}, and what the section shows of them under {@code
     * rules}: each group's row shows its events, its events included and its events left out, for every reason
     * together and for each reason that left anyone out (an event is left out for one reason at most), so the
     * included lie within what each of the three readings allows. A group the section does not list has no events.
     */
    public static IncludedEvents of(LinkageCounts counts, String dimension, Set<String> groups, SmallCounts rules) {
        requireNonNull(counts, "counts is null");
        requireNonNull(rules, "rules is null");
        if (counts.dimensions().stream().noneMatch(d -> d.code().equals(dimension))) {
            throw new IllegalArgumentException("Cannot read the events included in " + dimension + ": no such"
                    + " dimension, expected one of " + counts.dimensions().stream().map(Label::code).toList());
        }
        List<GroupCount> rows = counts.groups().stream()
                .filter(g -> g.dimension().equals(dimension) && groups.contains(g.group())).toList();
        long included = rows.stream().mapToLong(g -> g.events() - g.leftOutForAnyReason()).sum();
        Interval asIncluded = behind(rows, g -> g.events() - g.leftOutForAnyReason(), rules);
        Interval events = behind(rows, GroupCount::events, rules);
        Interval leftOut = behind(rows, GroupCount::leftOutForAnyReason, rules);
        double leastByReason = 0;
        double mostByReason = 0;
        for (Label reason : counts.reasons()) {
            if (counts.leftOut(reason.code()) > 0) {
                Interval byReason = behind(rows, g -> g.leftOut(reason.code()), rules);
                leastByReason += byReason.lower();
                mostByReason += byReason.upper();
            }
        }
        double lower = Math.max(asIncluded.lower(), Math.max(events.lower() - leftOut.upper(),
                events.lower() - mostByReason));
        double upper = Math.min(asIncluded.upper(), Math.min(events.upper() - leftOut.lower(),
                events.upper() - leastByReason));
        return new IncludedEvents(dimension, groups, included, new Interval(Math.max(0, lower), upper));
    }

    /** The sum of one count over the rows, as their shown values bound it. */
    private static Interval behind(List<GroupCount> rows, ToLongFunction<GroupCount> count, SmallCounts rules) {
        double lower = 0;
        double upper = 0;
        for (GroupCount row : rows) {
            Interval one = rules.behind(rules.release(count.applyAsLong(row)));
            lower += one.lower();
            upper += one.upper();
        }
        return new Interval(lower, upper);
    }
}
