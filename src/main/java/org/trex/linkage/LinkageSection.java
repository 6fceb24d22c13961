package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.trex.disclosure.SmallCounts;
import org.trex.spec.DisclosureRules;

/**
 * The linkage and exclusions section of a plan or lineage report, as it may be shown: every count through the
 * policy's suppression and rounding, every percentage computed from the shown counts (and suppressed with
 * them), and the groups whose share left out differs from the rest of the cohort by more than the policy's
 * {@code bias_warning_points} flagged.
 */
public record LinkageSection(
        int biasWarningPoints,
        List<Shown> traceOutcomes,
        List<Shown> numberValidity,
        ShownCount indexEvents,
        ShownCount linkedEvents,
        OptionalDouble linkedPercent,
        List<Label> dimensions,
        List<Breakdown> breakdowns,
        List<Shown> implausible) {

    /** The code of the breakdown over every reason together. */
    public static final String ANY_REASON = "any_reason";
    /** The code of the breakdown of index events that link to no council record. */
    public static final String NOT_LINKED = "not_linked";
    /** The dimension the report draws its chart of. */
    public static final String AGE_BAND = "age_band";
    /** How a share is shown in a row whose rounded counts contradict each other. */
    public static final String NOT_COMPARABLE = "n/a";

    public LinkageSection {
        traceOutcomes = List.copyOf(requireNonNull(traceOutcomes, "traceOutcomes is null"));
        numberValidity = List.copyOf(requireNonNull(numberValidity, "numberValidity is null"));
        requireNonNull(indexEvents, "indexEvents is null");
        requireNonNull(linkedEvents, "linkedEvents is null");
        requireNonNull(linkedPercent, "linkedPercent is null");
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        breakdowns = List.copyOf(requireNonNull(breakdowns, "breakdowns is null"));
        implausible = List.copyOf(requireNonNull(implausible, "implausible is null"));
    }

    /** A counted thing as shown, with its share of the whole it belongs to. */
    public record Shown(Label label, ShownCount count, OptionalDouble percent) {
        public Shown {
            requireNonNull(label, "label is null");
            requireNonNull(count, "count is null");
            requireNonNull(percent, "percent is null");
        }
    }

    /** What a breakdown compares: events included against left out, or linked against not linked. */
    public enum Kind {
        EXCLUSION("included", "left out"),
        LINKAGE("linked", "not linked");

        private final String kept;
        private final String missed;

        Kind(String kept, String missed) {
            this.kept = kept;
            this.missed = missed;
        }

        /** Words for the events kept: "included" or "linked". */
        public String kept() {
            return kept;
        }

        /** Words for the events missed: "left out" or "not linked". */
        public String missed() {
            return missed;
        }
    }

    /**
     * Who one reason (or every reason together) left out, or who the linkage missed, group by group; in the
     * rows' words, the events kept are "included" and the events missed "left out".
     */
    public record Breakdown(Kind kind, Label reason, ShownCount leftOut, OptionalDouble percent, List<GroupRow> rows) {
        public Breakdown {
            requireNonNull(kind, "kind is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(leftOut, "leftOut is null");
            requireNonNull(percent, "percent is null");
            rows = List.copyOf(requireNonNull(rows, "rows is null"));
        }

        /** The rows of one dimension. */
        public List<GroupRow> rows(String dimension) {
            return rows.stream().filter(r -> r.dimension().code().equals(dimension)).toList();
        }
    }

    /**
     * One group under one reason: its events included and left out side by side, the share left out against
     * the rest of the cohort and their difference in percentage points; and, for the chart, the group's share
     * of all included and of all left-out events. A row is not comparable when its rounded counts contradict each
     * other (more left out than events, or a rest of the cohort with no events or more left out than events): its
     * shares would be impossible ones, so it has none and is never flagged.
     */
    public record GroupRow(
            Label dimension,
            String group,
            ShownCount events,
            ShownCount included,
            ShownCount leftOut,
            OptionalDouble percentLeftOut,
            OptionalDouble percentLeftOutOfRest,
            OptionalDouble differencePoints,
            OptionalDouble percentOfIncluded,
            OptionalDouble percentOfLeftOut,
            boolean comparable,
            boolean flagged) {
        public GroupRow {
            requireNonNull(dimension, "dimension is null");
            requireNonNull(group, "group is null");
            requireNonNull(events, "events is null");
            requireNonNull(included, "included is null");
            requireNonNull(leftOut, "leftOut is null");
            requireNonNull(percentLeftOut, "percentLeftOut is null");
            requireNonNull(percentLeftOutOfRest, "percentLeftOutOfRest is null");
            requireNonNull(differencePoints, "differencePoints is null");
            requireNonNull(percentOfIncluded, "percentOfIncluded is null");
            requireNonNull(percentOfLeftOut, "percentOfLeftOut is null");
            if (!comparable && (percentLeftOut.isPresent() || flagged)) {
                throw new IllegalArgumentException("Cannot show group " + group + " as not comparable: it has a share"
                        + " left out or a flag, expected neither");
            }
        }

        /** A share of the row as shown: one decimal, "suppressed", or {@link #NOT_COMPARABLE}. */
        public String shareText(OptionalDouble percent) {
            return comparable ? percentText(percent) : NOT_COMPARABLE;
        }

        /** The difference in percentage points as shown: signed, "suppressed", or {@link #NOT_COMPARABLE}. */
        public String differenceText() {
            return comparable ? pointsText(differencePoints) : NOT_COMPARABLE;
        }
    }

    /**
     * The section of counted data under the policy's disclosure rules and bias threshold: its counts decided together,
     * as an aggregate's cells are (a small count the others would give back has a complementary one beside it).
     */
    public static LinkageSection of(LinkageCounts counts, DisclosureRules rules, int biasWarningPoints) {
        return of(counts, rules, biasWarningPoints, Optional.empty());
    }

    /**
     * The section as above, where the records output {@code includedShownBy} names, if any, shows how many index events
     * are included: its rows.
     */
    public static LinkageSection of(LinkageCounts counts, DisclosureRules rules, int biasWarningPoints,
            Optional<String> includedShownBy) {
        return CountedSection.of(counts, rules, biasWarningPoints, includedShownBy).shown();
    }

    /** The section of counted data as disclosure control decided its counts, under the bias threshold. */
    static LinkageSection of(LinkageCounts counts, SectionCells show, int biasWarningPoints) {
        ShownCount events = show.total(SectionCells.EVENTS);
        ShownCount linked = show.total(SectionCells.LINKED);
        List<Breakdown> breakdowns = new ArrayList<>();
        breakdowns.add(breakdown(counts, Kind.EXCLUSION, new Label(ANY_REASON, "Any reason"), SectionCells.LEFT_OUT,
                show, events, biasWarningPoints));
        for (Label reason : counts.reasons()) {
            if (counts.leftOut(reason.code()) > 0) {
                breakdowns.add(breakdown(counts, Kind.EXCLUSION, reason, SectionCells.leftOutFor(reason.code()), show,
                        events, biasWarningPoints));
            }
        }
        breakdowns.add(breakdown(counts, Kind.LINKAGE, new Label(NOT_LINKED, "Not linked to a council record"),
                SectionCells.NOT_LINKED, show, events, biasWarningPoints));
        return new LinkageSection(biasWarningPoints, councilRecords(show, SectionCells.TRACE_OUTCOME,
                counts.traceOutcomes()), councilRecords(show, SectionCells.NUMBER_VALIDITY, counts.numberValidity()),
                events, linked, percent(linked, events), counts.dimensions(), breakdowns,
                counts.implausible().stream().map(t -> new Shown(t.label(), show.alone(t.count()),
                        OptionalDouble.empty())).toList());
    }

    /** Tallies of the council records, each with its share of them all. */
    private static List<Shown> councilRecords(SectionCells show, String measure, List<Tally> tallies) {
        return tallies.stream().map(t -> {
            ShownCount shown = show.of(measure, t);
            return new Shown(t.label(), shown, percent(shown, show.councilRecords()));
        }).toList();
    }

    /** One breakdown: its events kept are those included, or those linked where it counts those not linked. */
    private static Breakdown breakdown(LinkageCounts counts, Kind kind, Label reason, String missed,
            SectionCells show, ShownCount events, int points) {
        String kept = kind == Kind.LINKAGE ? SectionCells.LINKED : SectionCells.INCLUDED;
        ShownCount leftOut = show.total(missed);
        ShownCount included = show.total(kept);
        List<GroupRow> rows = new ArrayList<>();
        for (Label dimension : counts.dimensions()) {
            // A council-side dimension splits events by the link itself, so it would only restate the linkage.
            if (kind == Kind.LINKAGE && counts.councilSide().contains(dimension.code())) {
                continue;
            }
            for (GroupCount group : counts.groups()) {
                if (group.dimension().equals(dimension.code())) {
                    rows.add(row(dimension, group.group(), show.of(SectionCells.EVENTS, group), show.of(kept, group),
                            show.of(missed, group), events, leftOut, included, points));
                }
            }
        }
        return new Breakdown(kind, reason, leftOut, percent(leftOut, events), rows);
    }

    private static GroupRow row(Label dimension, String group, ShownCount events, ShownCount included,
            ShownCount leftOut, ShownCount allEvents, ShownCount allLeftOut, ShownCount allIncluded, int points) {
        OptionalLong restLeftOut = minus(allLeftOut, leftOut);
        OptionalLong restEvents = minus(allEvents, events);
        OptionalDouble percentOfIncluded = percent(included, allIncluded);
        OptionalDouble percentOfLeftOut = percent(leftOut, allLeftOut);
        if (contradict(leftOut.value(), events.value()) || contradict(restLeftOut, restEvents)
                || restEvents.isPresent() && restEvents.getAsLong() <= 0) {
            return new GroupRow(dimension, group, events, included, leftOut, OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), percentOfIncluded, percentOfLeftOut, false, false);
        }
        OptionalDouble share = percent(leftOut, events);
        OptionalDouble rest = percent(restLeftOut, restEvents);
        OptionalDouble difference = share.isPresent() && rest.isPresent()
                ? OptionalDouble.of(share.getAsDouble() - rest.getAsDouble()) : OptionalDouble.empty();
        boolean flagged = difference.isPresent() && Math.abs(difference.getAsDouble()) > points;
        return new GroupRow(dimension, group, events, included, leftOut, share, rest, difference,
                percentOfIncluded, percentOfLeftOut, true, flagged);
    }

    /**
     * Whether rounded counts of a part and its whole, both shown, cannot both be true: rounding each on its own can
     * make a part (or a difference of two) outgrow its whole or fall below nothing.
     */
    private static boolean contradict(OptionalLong part, OptionalLong whole) {
        return part.isPresent() && whole.isPresent()
                && (part.getAsLong() < 0 || part.getAsLong() > whole.getAsLong());
    }

    /** The difference of two shown counts, unknown when either is suppressed. */
    private static OptionalLong minus(ShownCount whole, ShownCount part) {
        return whole.value().isPresent() && part.value().isPresent()
                ? OptionalLong.of(whole.value().getAsLong() - part.value().getAsLong()) : OptionalLong.empty();
    }

    private static OptionalDouble percent(ShownCount part, ShownCount whole) {
        return percent(part.value(), whole.value());
    }

    private static OptionalDouble percent(OptionalLong part, OptionalLong whole) {
        if (part.isEmpty() || whole.isEmpty() || whole.getAsLong() <= 0 || part.getAsLong() < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * part.getAsLong() / whole.getAsLong());
    }

    /** The groups flagged under any reason, reason by reason. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (Breakdown breakdown : breakdowns) {
            for (GroupRow row : breakdown.rows()) {
                if (row.flagged()) {
                    double difference = row.differencePoints().getAsDouble();
                    warnings.add(row.dimension().text() + " " + row.group() + ", " + breakdown.reason().text() + ": "
                            + percentText(row.percentLeftOut()) + " " + breakdown.kind().missed() + " against "
                            + percentText(row.percentLeftOutOfRest())
                            + " of the rest of the cohort, " + points(Math.abs(difference)) + " points "
                            + (difference > 0 ? "more" : "fewer") + " (warning above " + biasWarningPoints + ")");
                }
            }
        }
        return warnings;
    }

    /** Why some rows show {@link #NOT_COMPARABLE}, once for the section; empty when every row is comparable. */
    public Optional<String> notComparableNote() {
        boolean any = breakdowns.stream().flatMap(b -> b.rows().stream()).anyMatch(r -> !r.comparable());
        return any ? Optional.of(NOT_COMPARABLE + ": the group's rounded counts contradict each other (more left out"
                + " than events, or a rest of the cohort with no events or more left out than events), so its shares"
                + " are not shown, compared or flagged") : Optional.empty();
    }

    /** A percentage with one decimal, or "suppressed" when the counts under it are. */
    public static String percentText(OptionalDouble percent) {
        return percent.isPresent() ? String.format(Locale.ROOT, "%.1f%%", percent.getAsDouble()) : "suppressed";
    }

    /** A difference in percentage points with its sign, or "suppressed". */
    public static String pointsText(OptionalDouble points) {
        return points.isPresent() ? String.format(Locale.ROOT, "%+.1f", points.getAsDouble()) : "suppressed";
    }

    private static String points(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
