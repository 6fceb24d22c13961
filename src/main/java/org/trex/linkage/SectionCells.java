package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.trex.disclosure.Additivity;
import org.trex.disclosure.Cell;
import org.trex.disclosure.CellKey;
import org.trex.disclosure.CellStatus;
import org.trex.disclosure.CellProtection;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.Interval;
import org.trex.disclosure.KnownTotal;
import org.trex.disclosure.PartsOfWhole;
import org.trex.disclosure.ProtectedCells;
import org.trex.disclosure.Quantity;
import org.trex.disclosure.Relation;
import org.trex.disclosure.ReleaseHistory;
import org.trex.disclosure.SmallCounts;
import org.trex.spec.DisclosureRules;

/**
 * The section's counts as the cells of one table, decided together as an aggregate's are: each dimension's groups add
 * up to the whole cohort's count, and in each group (and the whole) the events included and left out add up to its
 * events, the reasons to those left out for any reason, and the events linked and not linked to its events; the events
 * of a council-side dimension's "No council record" are those not linked. So a count suppressed as small that the
 * others would give back (a group's left out as its events less its included, exactly under {@code round_to: 1}) gets
 * a complementary count suppressed beside it. The council records of the trace outcomes and of the NHS-number checks
 * are one whole, which their shares give away. Implausible links relate to nothing and are only suppressed when small.
 * A reason only an event linked to no council record can have has no events in a council-side dimension's other groups,
 * as anyone knows: those zeros are shown as 0, no cell to suppress, and the reasons' sum there leaves them out.
 */
final class SectionCells {
    static final String EVENTS = "events";
    static final String INCLUDED = "included";
    static final String LEFT_OUT = "left out";
    static final String LINKED = "linked";
    static final String NOT_LINKED = "not linked";
    static final String TRACE_OUTCOME = "trace outcome";
    static final String NUMBER_VALIDITY = "number validity";
    private static final String OUTPUT = "linkage section";
    private static final String COUNCIL_RECORDS = "council records";

    private final Map<CellKey, DecidedCell> decided;
    private final Map<CellKey, Interval> intervals;
    private final Set<CellKey> none;
    private final SmallCounts rules;
    private final long programmes;

    private SectionCells(ProtectedCells cells, Set<CellKey> none, SmallCounts rules) {
        this.decided = new LinkedHashMap<>();
        cells.cells().forEach(cell -> decided.put(cell.key(), cell));
        this.intervals = cells.intervals();
        this.programmes = cells.programmes();
        this.none = none;
        this.rules = rules;
    }

    /** The measure of the events left out for one reason. */
    static String leftOutFor(String reason) {
        return LEFT_OUT + ": " + reason;
    }

    /**
     * The section's counts decided under {@code rules}, as the section shows them, where the records output named by
     * {@code includedShownBy}, if any, holds the index events included: anyone can count them in its file, exactly,
     * so that a small count left out is not the events shown less them.
     */
    static SectionCells protect(LinkageCounts counts, DisclosureRules rules, Optional<String> includedShownBy) {
        requireNonNull(counts, "counts is null");
        requireNonNull(rules, "rules is null");
        requireNonNull(includedShownBy, "includedShownBy is null");
        Table table = new Table(counts);
        Quantity events = table.count(EVENTS, EVENTS, counts.indexEvents(), GroupCount::events);
        ToLongFunction<GroupCount> includedOf = g -> g.events() - g.leftOutForAnyReason();
        long allIncluded = table.whole(includedOf);
        Quantity included = table.count(INCLUDED, INCLUDED, allIncluded, includedOf);
        // Taken as the file's rows even where its output drops some (k-anonymity) or holds fewer: the attacker is
        // taken to know more than they can, never less, and the true count still satisfies what they are taken to know.
        List<KnownTotal> known = includedShownBy.map(output -> List.of(new KnownTotal(output, included,
                new Interval(allIncluded, allIncluded)))).orElse(List.of());
        Quantity leftOut = table.count(LEFT_OUT, LEFT_OUT, table.whole(GroupCount::leftOutForAnyReason),
                GroupCount::leftOutForAnyReason);
        List<Label> reasons = counts.reasons().stream().filter(r -> counts.leftOut(r.code()) > 0).toList();
        List<Quantity> byReason = new ArrayList<>();
        for (Label reason : reasons) {
            // One reason's events are those left out for any reason: the same count, which the table says by its id.
            String id = reasons.size() == 1 ? LEFT_OUT : leftOutFor(reason.code());
            byReason.add(table.count(leftOutFor(reason.code()), id, counts.leftOut(reason.code()),
                    g -> g.leftOut(reason.code()), g -> reasons.size() > 1 && counts.noneCanBe(reason.code(), g)));
        }
        Quantity linked = table.linkage(LINKED, counts.linkedEvents(), g -> g.events() - g.notLinked());
        Quantity notLinked = table.linkage(NOT_LINKED, counts.indexEvents() - counts.linkedEvents(),
                GroupCount::notLinked);
        List<PartsOfWhole> wholes = new ArrayList<>();
        wholes.add(new PartsOfWhole(events, List.of(included, leftOut), PartsOfWhole.Coverage.ALL));
        if (byReason.size() > 1) {
            wholes.add(new PartsOfWhole(leftOut, byReason, PartsOfWhole.Coverage.ALL));
        }
        wholes.add(new PartsOfWhole(events, List.of(linked, notLinked), PartsOfWhole.Coverage.ALL));
        table.councilRecords(TRACE_OUTCOME, counts.traceOutcomes());
        table.councilRecords(NUMBER_VALIDITY, counts.numberValidity());
        List<Relation> stated = new ArrayList<>(table.noCouncilRecord());
        stated.addAll(table.reasonsWithoutNone());
        return new SectionCells(new CellProtection(rules).protect(table.cells, wholes, known, stated,
                ReleaseHistory.NONE), Set.copyOf(table.none), new SmallCounts(rules));
    }

    /** How many of the section's counts disclosure control decided so. */
    long count(CellStatus status) {
        return decided.values().stream().filter(c -> c.status() == status).count();
    }

    /** How many linear programmes the attacker check solved to decide the counts. */
    long programmes() {
        return programmes;
    }

    /** The whole cohort's count of one measure, as shown. */
    ShownCount total(String measure) {
        return shown(key(measure, Map.of()));
    }

    /** One group's count of one measure, as shown. */
    ShownCount of(String measure, GroupCount group) {
        return shown(key(measure, Map.of(group.dimension(), group.group())));
    }

    /** One tally of the council records, as shown. */
    ShownCount of(String measure, Tally tally) {
        return shown(key(measure, Map.of(measure, tally.label().code())));
    }

    /** All the council records, which the tallies' shares are of. */
    ShownCount councilRecords() {
        return shown(key(COUNCIL_RECORDS, Map.of()));
    }

    /** A count that relates to no other, as shown. */
    ShownCount alone(long count) {
        return ShownCount.of(count, rules);
    }

    /**
     * What anyone can tell of one group's count from the section: the counts its shown value rounds from, or where it
     * is suppressed, the narrowest range the attacker check found for it (and at most the threshold, shown as small).
     */
    Interval behind(String measure, GroupCount group) {
        CellKey key = key(measure, Map.of(group.dimension(), group.group()));
        if (none.contains(key)) {
            return Interval.ZERO;
        }
        ShownCount shown = shown(key);
        Interval alone = shown.behind(rules);
        Interval attacked = intervals.get(key);
        return attacked == null ? alone : new Interval(Math.max(alone.lower(), attacked.lower()),
                Math.max(Math.max(alone.lower(), attacked.lower()), Math.min(alone.upper(), attacked.upper())));
    }

    private ShownCount shown(CellKey key) {
        DecidedCell cell = decided.get(key);
        if (none.contains(key)) {
            return new ShownCount(OptionalLong.of(0), rules.suppressAtOrBelow(), CellStatus.PUBLISHED);
        }
        if (cell == null) {
            throw new IllegalArgumentException("Cannot show count " + key + ": the section has no such count");
        }
        return ShownCount.of(cell, rules);
    }

    private static CellKey key(String measure, Map<String, String> dimensions) {
        return CellKey.of(OUTPUT, measure, dimensions);
    }

    /** The cells of the section as it is built, measure by measure. */
    private static final class Table {
        private final LinkageCounts counts;
        private final List<Cell> cells = new ArrayList<>();
        private final Set<CellKey> none = new HashSet<>();

        Table(LinkageCounts counts) {
            this.counts = counts;
        }

        /** The sum of a count over the first dimension's groups, which hold every event once. */
        long whole(ToLongFunction<GroupCount> count) {
            return counts.firstDimension().stream().mapToLong(count).sum();
        }

        /** A count of index events in the whole cohort and in every group, of the quantity {@code id} names. */
        Quantity count(String measure, String id, long whole, ToLongFunction<GroupCount> count) {
            return count(measure, id, whole, count, g -> false);
        }

        /**
         * A count of index events in the whole cohort and in every group, of the quantity {@code id} names, but the
         * groups anyone knows it has none of: no cell, a zero the reasons' sum leaves out.
         */
        Quantity count(String measure, String id, long whole, ToLongFunction<GroupCount> count,
                Predicate<GroupCount> knownNone) {
            counts.groups().stream().filter(knownNone)
                    .forEach(group -> none.add(key(measure, Map.of(group.dimension(), group.group()))));
            return add(measure, "index events " + id, whole, count, knownNone);
        }

        /** A count of index events by their link, which a council-side dimension would only restate. */
        Quantity linkage(String measure, long whole, ToLongFunction<GroupCount> count) {
            return add(measure, "index events " + measure, whole, count,
                    group -> counts.councilSide().contains(group.dimension()));
        }

        /** The cells of a count: the whole cohort's, and every group's but those {@code noCell} takes out. */
        private Quantity add(String measure, String id, long whole, ToLongFunction<GroupCount> count,
                Predicate<GroupCount> noCell) {
            Quantity quantity = new Quantity(id, Additivity.EXACT);
            cells.add(Cell.count(key(measure, Map.of()), quantity, whole));
            for (GroupCount group : counts.groups()) {
                if (!noCell.test(group)) {
                    cells.add(Cell.count(key(measure, Map.of(group.dimension(), group.group())), quantity,
                            count.applyAsLong(group)));
                }
            }
            return quantity;
        }

        /**
         * Where a reason's count is known to be none, its group's events left out for any reason are the sum of the
         * other reasons' (the whole's parts relate only where every part has a cell).
         */
        List<Relation> reasonsWithoutNone() {
            Map<CellKey, Cell> byKey = new LinkedHashMap<>();
            cells.forEach(c -> byKey.put(c.key(), c));
            List<Relation> relations = new ArrayList<>();
            for (GroupCount group : counts.groups()) {
                Map<String, String> at = Map.of(group.dimension(), group.group());
                if (none.stream().noneMatch(k -> k.dimensions().equals(at))) {
                    continue;
                }
                List<Cell> parts = counts.reasons().stream().map(r -> byKey.get(key(leftOutFor(r.code()), at)))
                        .filter(Objects::nonNull).toList();
                relations.add(new Relation(byKey.get(key(LEFT_OUT, at)), parts, Additivity.EXACT));
            }
            return relations;
        }

        /** Tallies of the council records, the whole of the first tallies given. */
        void councilRecords(String measure, List<Tally> tallies) {
            Quantity records = new Quantity(COUNCIL_RECORDS, Additivity.EXACT);
            if (cells.stream().noneMatch(c -> c.quantity().equals(records)) && !tallies.isEmpty()) {
                cells.add(Cell.count(key(COUNCIL_RECORDS, Map.of()), records,
                        tallies.stream().mapToLong(Tally::count).sum()));
            }
            tallies.forEach(t -> cells.add(Cell.count(key(measure, Map.of(measure, t.label().code())), records,
                    t.count())));
        }

        /**
         * The events of a council-side dimension's "No council record" are those not linked: its count of events
         * equals theirs, and each of its other counts that of every other council-side dimension's.
         */
        List<Relation> noCouncilRecord() {
            Map<CellKey, Cell> byKey = new LinkedHashMap<>();
            cells.forEach(c -> byKey.put(c.key(), c));
            List<Relation> relations = new ArrayList<>();
            List<String> sides = counts.dimensions().stream().map(Label::code)
                    .filter(counts.councilSide()::contains).toList();
            List<String> measures = cells.stream().map(c -> c.key().measure()).distinct()
                    .filter(m -> !m.equals(EVENTS)).toList();
            Cell notLinked = byKey.get(key(NOT_LINKED, Map.of()));
            for (int i = 0; i < sides.size(); i++) {
                Cell events = byKey.get(key(EVENTS, Map.of(sides.get(i), Groups.NO_COUNCIL_RECORD)));
                if (events == null) {
                    continue;
                }
                relations.add(new Relation(notLinked, List.of(events), Additivity.EXACT));
                for (int j = i + 1; j < sides.size(); j++) {
                    for (String measure : measures) {
                        Cell one = byKey.get(key(measure, Map.of(sides.get(i), Groups.NO_COUNCIL_RECORD)));
                        Cell other = byKey.get(key(measure, Map.of(sides.get(j), Groups.NO_COUNCIL_RECORD)));
                        if (one != null && other != null) {
                            relations.add(new Relation(one, List.of(other), Additivity.EXACT));
                        }
                    }
                }
            }
            return relations;
        }
    }
}
