package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * What an attacker can infer about each suppressed cell from everything published (sdcTable's {@code attack}):
 * every published cell as the range of counts that round to it, every total known from outside the aggregates as
 * the range it is known to lie in, every relation between totals and their cells, and that no count is negative.
 * The narrowest range of a suppressed cell is its minimum and maximum under those constraints, found by linear
 * programming.
 */
public final class AttackerCheck {
    /** How far apart two bounds of one value may come out of the solver. */
    private static final double SOLVER_NOISE = 1e-6;

    private final SmallCounts smallCounts;

    static {
        // ojAlgo's presolvers narrow bounds and drop constraints before each solve, in BigDecimal arithmetic: on these
        // small dense programmes they were half of each solve's time (150 cells: 12.8 s of disclosure control against
        // 6.9 s without them, the same intervals), and the simplex needs none of it. The presolvers are the JVM's, and
        // nothing else in TREx solves with ojAlgo.
        ExpressionsBasedModel.clearPresolvers();
    }

    public AttackerCheck(SmallCounts smallCounts) {
        this.smallCounts = requireNonNull(smallCounts, "smallCounts is null");
    }

    /** The interval of each suppressed cell, by key; a cell in no relation can be anything from 0 up. */
    public Map<CellKey, Interval> intervals(Collection<DecidedCell> cells, List<Relation> relations) {
        requireNonNull(cells, "cells is null");
        return intervals(cells, relations, cells.stream().map(DecidedCell::key).collect(Collectors.toSet()));
    }

    /** The interval of each suppressed cell among {@code wanted}, solving only the groups of cells they are in. */
    public Map<CellKey, Interval> intervals(Collection<DecidedCell> cells, List<Relation> relations,
            Set<CellKey> wanted) {
        return intervals(cells, relations, wanted, Map.of());
    }

    /**
     * The interval of each suppressed cell among {@code wanted}, the attacker knowing the cells of {@code known} to lie
     * within their intervals rather than within what their released values round from (totals published outside
     * the aggregates, {@link KnownTotal}).
     */
    public Map<CellKey, Interval> intervals(Collection<DecidedCell> cells, List<Relation> relations,
            Set<CellKey> wanted, Map<CellKey, Interval> known) {
        return attack(relations, known).intervals(cells, wanted);
    }

    /** An attack under {@code relations} and the {@code known} totals, to ask again as the cells' decisions change. */
    public Attack attack(List<Relation> relations, Map<CellKey, Interval> known) {
        return new Attack(relations, known);
    }

    /**
     * The attacker's inference under fixed relations and known totals, asked again as cells are suppressed. It keeps
     * the optimum of every bound it solved, and solves a bound again only where what changed since could move it.
     * Loosening a cell's range moves no optimum at which that cell lay strictly inside its old range: near that point
     * the old and the new constraints are the same, so it is still a local optimum, and a linear programme's local
     * optimum is its global one. Secondary suppression loosens one cell at a time, which most bounds do not touch.
     */
    public final class Attack {
        private final List<Relation> relations;
        private final Map<CellKey, Interval> known;
        private final Map<Bound, Optimum> optima = new HashMap<>();
        private long programmes;

        private Attack(List<Relation> relations, Map<CellKey, Interval> known) {
            this.relations = List.copyOf(requireNonNull(relations, "relations is null"));
            this.known = Map.copyOf(requireNonNull(known, "known is null"));
        }

        /** The interval of each suppressed cell among {@code wanted}, solving only the groups of cells they are in. */
        public Map<CellKey, Interval> intervals(Collection<DecidedCell> cells, Set<CellKey> wanted) {
            requireNonNull(cells, "cells is null");
            requireNonNull(wanted, "wanted is null");
            // Cells that no chain of relations joins constrain one another in nothing: one linear programme for each
            // group of related cells (a measure and the measures that are its parts are one group).
            Map<CellKey, CellKey> group = new HashMap<>();
            cells.forEach(cell -> group.put(cell.key(), cell.key()));
            for (Relation relation : relations) {
                CellKey total = root(group, requireKnown(group, relation.total()));
                for (Cell part : relation.parts()) {
                    CellKey other = root(group, requireKnown(group, part));
                    if (!other.equals(total)) {
                        group.put(other, total);
                    }
                }
            }
            Map<CellKey, List<DecidedCell>> byGroup = new LinkedHashMap<>();
            cells.forEach(cell -> byGroup.computeIfAbsent(root(group, cell.key()), g -> new ArrayList<>()).add(cell));
            Map<CellKey, List<Relation>> relationsByGroup = new HashMap<>();
            relations.forEach(r -> relationsByGroup.computeIfAbsent(root(group, r.total().key()),
                    g -> new ArrayList<>()).add(r));
            Map<CellKey, Interval> intervals = new LinkedHashMap<>();
            byGroup.forEach((root, members) -> {
                if (members.stream().anyMatch(m -> wanted.contains(m.key()))) {
                    intervals.putAll(groupIntervals(members, relationsByGroup.getOrDefault(root, List.of()), wanted));
                }
            });
            return intervals;
        }

        /** How many linear programmes this attack has solved: one for each bound it could not take as it was. */
        public long programmes() {
            return programmes;
        }

        private Map<CellKey, Interval> groupIntervals(List<DecidedCell> ordered, List<Relation> among,
                Set<CellKey> wanted) {
            Map<CellKey, Integer> index = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                index.put(ordered.get(i).key(), i);
            }
            Set<CellKey> related = new HashSet<>();
            among.forEach(r -> r.members().forEach(m -> related.add(m.key())));
            List<CellKey> members = ordered.stream().map(DecidedCell::key).toList();
            List<Interval> ranges = ordered.stream().map(cell -> range(cell, known.get(cell.key()))).toList();
            List<Bound> unsolved = ordered.stream().filter(c -> c.status().suppressed()).map(DecidedCell::key)
                    .filter(key -> wanted.contains(key) && related.contains(key))
                    .flatMap(key -> Arrays.stream(Goal.values()).map(goal -> new Bound(goal, key)))
                    .filter(bound -> !optima.containsKey(bound) || !optima.get(bound).holds(members, ranges))
                    .toList();
            // Each bound is a linear programme of its own over the same constraints: they are solved side by side, on
            // every core (an aggregate's cells are decided once Spark's tasks are done; a run's linkage section beside
            // them, where the two take turns at the cores). Each thread builds the model it solves: ojAlgo's copy()
            // writes to the model it copies (its sets of fixed variables and of references), no place for threads
            // to meet, and taking the copies one at a time doubled the time of 150 cells.
            List<Supplier<Optimum>> solved = unsolved.parallelStream()
                    .map(bound -> attempt(() -> bound.solve(programme(ranges, among, index), index.get(bound.cell()),
                            members, ranges)))
                    .toList();
            for (int i = 0; i < unsolved.size(); i++) {
                optima.put(unsolved.get(i), solved.get(i).get());
            }
            programmes += unsolved.size();
            Map<CellKey, Interval> intervals = new LinkedHashMap<>();
            for (DecidedCell cell : ordered) {
                if (!cell.status().suppressed() || !wanted.contains(cell.key())) {
                    continue;
                }
                intervals.put(cell.key(), related.contains(cell.key())
                        ? solved(optima.get(new Bound(Goal.LEAST, cell.key())).value(),
                                optima.get(new Bound(Goal.GREATEST, cell.key())).value())
                        : new Interval(0, Double.POSITIVE_INFINITY));
            }
            return intervals;
        }
    }

    /**
     * What {@code solving} gave or threw, to take on the calling thread: a parallel stream rethrows a copy of a
     * worker's exception whose message starts with the class's name, and the first failure in the bounds' order is the
     * one told.
     */
    private static Supplier<Optimum> attempt(Supplier<Optimum> solving) {
        try {
            Optimum optimum = solving.get();
            return () -> optimum;
        } catch (RuntimeException e) {
            return () -> {
                throw e;
            };
        }
    }

    /** The cell that stands for the group of {@code key}, halving the path to it as it goes. */
    private static CellKey root(Map<CellKey, CellKey> group, CellKey key) {
        CellKey at = key;
        while (!group.get(at).equals(at)) {
            CellKey up = group.get(group.get(at));
            group.put(at, up);
            at = up;
        }
        return at;
    }

    private static CellKey requireKnown(Map<CellKey, CellKey> group, Cell cell) {
        if (!group.containsKey(cell.key())) {
            throw new IllegalArgumentException("Cannot check what an attacker infers: relation names cell " + cell.key()
                    + ", which is not among the cells");
        }
        return cell.key();
    }

    /**
     * The interval between two bounds the solver found. Where the attacker can pin a cell down exactly, the simplex's
     * floating point may put the greatest value a hair below the least ({@code [0, -1.7E-14]}): that is one value.
     */
    private static Interval solved(double lower, double upper) {
        return upper < lower && lower - upper < SOLVER_NOISE ? new Interval(lower, lower) : new Interval(lower, upper);
    }

    /** One variable for each cell, bounded by what is published of it, and one constraint for each relation. */
    private static ExpressionsBasedModel programme(List<Interval> ranges, List<Relation> relations,
            Map<CellKey, Integer> index) {
        ExpressionsBasedModel programme = new ExpressionsBasedModel();
        List<Variable> counts = new ArrayList<>(ranges.size());
        for (Interval range : ranges) {
            Variable count = programme.addVariable().lower(range.lower());
            counts.add(Double.isInfinite(range.upper()) ? count : count.upper(range.upper()));
        }
        for (Relation relation : relations) {
            Variable total = counts.get(requireIndexed(index, relation.total()));
            Expression sum = programme.addExpression().set(total, 1);
            for (Cell part : relation.parts()) {
                Variable count = counts.get(requireIndexed(index, part));
                sum.add(count, -1);
            }
            switch (relation.additivity()) {
                case EXACT -> sum.level(0);
                case AT_LEAST -> sum.lower(0);
                case BOUNDED -> {
                    // People: the total is at most the sum of its cells and at least each of them.
                    sum.upper(0);
                    for (Cell part : relation.parts()) {
                        programme.addExpression().set(counts.get(requireIndexed(index, part)), 1).set(total, -1)
                                .upper(0);
                    }
                }
            }
        }
        return programme;
    }

    /**
     * What the attacker knows of a cell before any relation: a total known from outside the aggregates lies in its
     * interval, a published cell in what its value rounds from, and a suppressed one is no count below zero.
     */
    private Interval range(DecidedCell cell, Interval total) {
        if (total != null) {
            return total;
        }
        if (cell.released().isEmpty()) {
            return new Interval(0, Double.POSITIVE_INFINITY);
        }
        long released = cell.released().get();
        return cell.cell().contributions().isPresent() ? smallCounts.rounding(released)
                : smallCounts.published(released);
    }

    /** One end of a suppressed cell's interval: the least or greatest its variable can be. */
    private record Bound(Goal goal, CellKey cell) {
        /** The bound under the constraints of {@code programme}, a model of this bound's own. */
        Optimum solve(ExpressionsBasedModel programme, int variable, List<CellKey> members, List<Interval> ranges) {
            programme.getVariable(variable).weight(1);
            Optimisation.Result result = goal == Goal.LEAST ? programme.minimise() : programme.maximise();
            Optimisation.State state = result.getState();
            if (state == Optimisation.State.UNBOUNDED) {
                return new Optimum(goal == Goal.GREATEST ? Double.POSITIVE_INFINITY : 0, null, members, ranges);
            }
            // Without presolvers, ojAlgo calls a programme whose variables are all fixed, and contradict one another,
            // invalid rather than infeasible.
            if (state == Optimisation.State.INFEASIBLE || state == Optimisation.State.INVALID) {
                throw new IllegalStateException("Cannot check what an attacker infers: the published cells and their"
                        + " totals contradict one another (a total computed from other rows, or a records output's"
                        + " rows taken as the total of an aggregate counting others?)");
            }
            if (!state.isOptimal()) {
                throw new IllegalStateException("Cannot check what an attacker infers: the linear programme of a"
                        + " cell's " + goal.name().toLowerCase(Locale.ROOT) + " bound ended " + state);
            }
            if (result.size() != members.size()) {
                throw new IllegalStateException("Cannot check what an attacker infers: the linear programme of "
                        + members.size() + " cells gave an optimum of " + result.size() + " values");
            }
            double[] point = new double[result.size()];
            Arrays.setAll(point, result::doubleValue);
            return new Optimum(result.getValue(), point, members, ranges);
        }
    }

    /**
     * A bound's value and the point that reached it ({@code null} where it is unbounded), under the cells' ranges of
     * the time it was solved.
     */
    private record Optimum(double value, double[] point, List<CellKey> members, List<Interval> ranges) {
        /**
         * Whether the value is still the bound's under the cells' ranges {@code now}: where every range that changed
         * was loosened on no side that bound the point (an unbounded programme loosened stays unbounded).
         */
        boolean holds(List<CellKey> now, List<Interval> nowRanges) {
            if (!members.equals(now)) {
                return false;
            }
            for (int i = 0; i < ranges.size(); i++) {
                Interval was = ranges.get(i);
                Interval is = nowRanges.get(i);
                if (is.lower() > was.lower() || is.upper() < was.upper()) {
                    return false;
                }
                if (point != null && (is.lower() < was.lower() && at(point[i], was.lower())
                        || is.upper() > was.upper() && at(point[i], was.upper()))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether a value the solver found may lie on a bound: within a millionth of it, or of 1. */
        private static boolean at(double value, double bound) {
            return Math.abs(value - bound) <= SOLVER_NOISE * Math.max(1, Math.abs(bound));
        }
    }

    /** Which end of a suppressed cell's interval a linear programme finds. */
    private enum Goal {
        LEAST,
        GREATEST
    }

    private static int requireIndexed(Map<CellKey, Integer> index, Cell cell) {
        Integer i = index.get(cell.key());
        if (i == null) {
            throw new IllegalArgumentException("Cannot check what an attacker infers: relation names cell " + cell.key()
                    + ", which is not among the cells");
        }
        return i;
    }

}
