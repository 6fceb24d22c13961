package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
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
    public static IncludedEvents of(CountedSection section, String dimension, Set<String> groups, SmallCounts rules) {
        requireNonNull(section, "section is null");
        requireNonNull(rules, "rules is null");
        LinkageCounts counts = section.counts();
        if (counts.dimensions().stream().noneMatch(d -> d.code().equals(dimension))) {
            throw new IllegalArgumentException("Cannot read the events included in " + dimension + ": no such"
                    + " dimension, expected one of " + counts.dimensions().stream().map(Label::code).toList());
        }
        List<GroupCount> rows = counts.groups().stream()
                .filter(g -> g.dimension().equals(dimension) && groups.contains(g.group())).toList();
        long included = rows.stream().mapToLong(g -> g.events() - g.leftOutForAnyReason()).sum();
        SectionCells cells = section.cells();
        Interval asIncluded = behind(rows, cells, SectionCells.INCLUDED);
        Interval events = behind(rows, cells, SectionCells.EVENTS);
        Interval leftOut = behind(rows, cells, SectionCells.LEFT_OUT);
        Interval byReason = Interval.ZERO;
        for (Label reason : counts.reasons()) {
            if (counts.leftOut(reason.code()) > 0) {
                byReason = byReason.plus(behind(rows, cells, SectionCells.leftOutFor(reason.code())));
            }
        }
        double lower = Math.max(asIncluded.lower(), Math.max(events.lower() - leftOut.upper(),
                events.lower() - byReason.upper()));
        double upper = Math.min(asIncluded.upper(), Math.min(events.upper() - leftOut.lower(),
                events.upper() - byReason.lower()));
        return new IncludedEvents(dimension, groups, included, new Interval(Math.max(0, lower), upper));
    }

    /** The sum of one count over the rows, as the section bounds it. */
    private static Interval behind(List<GroupCount> rows, SectionCells cells, String measure) {
        return rows.stream().map(g -> cells.behind(measure, g)).reduce(Interval.ZERO, Interval::plus);
    }
}
