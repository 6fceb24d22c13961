package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What an attacker can infer about each suppressed cell from everything published (sdcTable's {@code attack}):
 * every published cell as the range of counts that round to it, every total known from outside the aggregates as
 * the range it is known to lie in, every relation between totals and their cells, and that no count is negative.
 * The narrowest range of a suppressed cell is its minimum and maximum under those constraints, found by linear
 * programming.
 */
public final class AttackerCheck {
    private static final int MAX_ITERATIONS = 100_000;
    /** How far apart two bounds of one value may come out of the solver. */
    private static final double SOLVER_NOISE = 1e-6;

    private final SmallCounts smallCounts;

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
        requireNonNull(cells, "cells is null");
        requireNonNull(relations, "relations is null");
        requireNonNull(wanted, "wanted is null");
        requireNonNull(known, "known is null");
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
        relations.forEach(r -> relationsByGroup.computeIfAbsent(root(group, r.total().key()), g -> new ArrayList<>())
                .add(r));
        Map<CellKey, Interval> intervals = new LinkedHashMap<>();
        byGroup.forEach((root, members) -> {
            if (members.stream().anyMatch(m -> wanted.contains(m.key()))) {
                intervals.putAll(intervals(members, relationsByGroup.getOrDefault(root, List.of()), wanted, known));
            }
        });
        return intervals;
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

    private Map<CellKey, Interval> intervals(List<DecidedCell> ordered, List<Relation> relations,
            Set<CellKey> wanted, Map<CellKey, Interval> known) {
        Map<CellKey, Integer> index = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            index.put(ordered.get(i).key(), i);
        }
        Set<CellKey> related = new HashSet<>();
        relations.forEach(r -> r.members().forEach(m -> related.add(m.key())));
        List<LinearConstraint> constraints = constraints(ordered, relations, index, known);
        List<CellKey> solving = ordered.stream().filter(c -> c.status().suppressed()).map(DecidedCell::key)
                .filter(key -> wanted.contains(key) && related.contains(key)).toList();
        // Each bound is a linear programme of its own over the same constraints, which no solver changes: they are
        // solved side by side, on every core (Spark's tasks are done by now), and each found where it was asked.
        List<Double> bounds = solving.stream()
                .flatMap(key -> Stream.of(GoalType.MINIMIZE, GoalType.MAXIMIZE).map(goal -> Map.entry(key, goal)))
                .toList().parallelStream()
                .map(bound -> bound(bound.getValue(), index.get(bound.getKey()), ordered.size(), constraints))
                .toList();
        Map<CellKey, Interval> intervals = new LinkedHashMap<>();
        int next = 0;
        for (DecidedCell cell : ordered) {
            if (!cell.status().suppressed() || !wanted.contains(cell.key())) {
                continue;
            }
            if (related.contains(cell.key())) {
                intervals.put(cell.key(), solved(bounds.get(next), bounds.get(next + 1)));
                next += 2;
            } else {
                intervals.put(cell.key(), new Interval(0, Double.POSITIVE_INFINITY));
            }
        }
        return intervals;
    }

    /**
     * The interval between two bounds the solver found. Where the attacker can pin a cell down exactly, the simplex's
     * floating point may put the greatest value a hair below the least ({@code [0, -1.7E-14]}): that is one value.
     */
    private static Interval solved(double lower, double upper) {
        return upper < lower && lower - upper < SOLVER_NOISE ? new Interval(lower, lower) : new Interval(lower, upper);
    }

    private List<LinearConstraint> constraints(List<DecidedCell> cells, List<Relation> relations,
            Map<CellKey, Integer> index, Map<CellKey, Interval> known) {
        int size = cells.size();
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            DecidedCell cell = cells.get(i);
            Interval total = known.get(cell.key());
            if (total != null) {
                constraints.add(new LinearConstraint(unit(size, i, 1), Relationship.GEQ, total.lower()));
                if (!Double.isInfinite(total.upper())) {
                    constraints.add(new LinearConstraint(unit(size, i, 1), Relationship.LEQ, total.upper()));
                }
            } else if (cell.released().isPresent()) {
                long released = cell.released().get();
                Interval published = cell.cell().contributions().isPresent() ? smallCounts.rounding(released)
                        : smallCounts.published(released);
                constraints.add(new LinearConstraint(unit(size, i, 1), Relationship.GEQ, published.lower()));
                constraints.add(new LinearConstraint(unit(size, i, 1), Relationship.LEQ, published.upper()));
            } else {
                constraints.add(new LinearConstraint(unit(size, i, 1), Relationship.GEQ, 0));
            }
        }
        for (Relation relation : relations) {
            int total = requireIndexed(index, relation.total());
            double[] sum = unit(size, total, 1);
            for (Cell part : relation.parts()) {
                sum[requireIndexed(index, part)] -= 1;
            }
            switch (relation.additivity()) {
                case EXACT -> constraints.add(new LinearConstraint(sum, Relationship.EQ, 0));
                case AT_LEAST -> constraints.add(new LinearConstraint(sum, Relationship.GEQ, 0));
                case BOUNDED -> {
                    // People: the total is at most the sum of its cells and at least each of them.
                    constraints.add(new LinearConstraint(sum, Relationship.LEQ, 0));
                    for (Cell part : relation.parts()) {
                        double[] atMost = unit(size, requireIndexed(index, part), 1);
                        atMost[total] -= 1;
                        constraints.add(new LinearConstraint(atMost, Relationship.LEQ, 0));
                    }
                }
            }
        }
        return constraints;
    }

    /**
     * Counts are kept at zero or more by constraints, not by {@link NonNegativeConstraint}: with that option
     * commons-math3 3.6.1 returns too narrow a bound when cells sit in one relation alike (several suppressed
     * cells under one total), which suppressed complementary cells nothing needed.
     */
    private static double bound(GoalType goal, int variable, int size, List<LinearConstraint> constraints) {
        try {
            return new SimplexSolver()
                    .optimize(new MaxIter(MAX_ITERATIONS), new LinearObjectiveFunction(unit(size, variable, 1), 0),
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(false)).getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
        } catch (NoFeasibleSolutionException e) {
            throw new IllegalStateException("Cannot check what an attacker infers: the published cells and their"
                    + " totals contradict one another (a total computed from other rows, or a records output's rows"
                    + " taken as the total of an aggregate counting others?)", e);
        }
    }

    private static int requireIndexed(Map<CellKey, Integer> index, Cell cell) {
        Integer i = index.get(cell.key());
        if (i == null) {
            throw new IllegalArgumentException("Cannot check what an attacker infers: relation names cell " + cell.key()
                    + ", which is not among the cells");
        }
        return i;
    }

    private static double[] unit(int size, int i, double value) {
        double[] row = new double[size];
        row[i] = value;
        return row;
    }
}
