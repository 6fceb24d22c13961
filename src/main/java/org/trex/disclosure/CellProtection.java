package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.trex.spec.DisclosureRules;

/**
 * The cell decisions of a policy over all the aggregate cells of one extract: primary suppression (small counts,
 * dominated sums, differences from earlier releases), rounding, and secondary suppression. Complementary cells are
 * suppressed one at a time, each where the attacker check finds a suppressed cell pinned down to within the
 * protection range, until no suppressed cell can be narrowed that far from what is published (the totals a records
 * output shows included, {@link KnownTotal}, which it cannot suppress: a cell they, or the relations between the cells
 * with nothing published at all, pin down by themselves is exposed only where the aggregates narrow it further); if no
 * cell is left to suppress beside a cell the rules suppress by itself, nor along a chain of relations from it, it
 * refuses. A complement is a cell the rules would publish: where no cell is left to hide it, the attacker may narrow
 * it down.
 */
public final class CellProtection {
    /** Linear programming works in floating point: widths this close to the range count as equal. */
    static final double TOLERANCE = 1e-6;

    private final DisclosureRules rules;
    private final SmallCounts smallCounts;
    private final DominanceCheck dominance;
    private final Differencing differencing;
    private final AttackerCheck attacker;

    public CellProtection(DisclosureRules rules) {
        this.rules = requireNonNull(rules, "rules is null");
        this.smallCounts = new SmallCounts(rules);
        this.dominance = new DominanceCheck(rules.dominance());
        this.differencing = new Differencing(rules.suppressAtOrBelow());
        this.attacker = new AttackerCheck(smallCounts);
    }

    /** Decides every cell; throws {@link DisclosureRefusedException} when they cannot be protected. */
    public ProtectedCells protect(List<Cell> cells, ReleaseHistory history) {
        return protect(cells, List.of(), history);
    }

    /**
     * Decides every cell, the attacker knowing that the cells of each whole's parts are parts of its cells;
     * throws {@link DisclosureRefusedException} when they cannot be protected.
     */
    public ProtectedCells protect(List<Cell> cells, List<PartsOfWhole> wholes, ReleaseHistory history) {
        return protect(cells, wholes, List.of(), history);
    }

    /**
     * Decides every cell, the attacker knowing that the cells of each whole's parts are parts of its cells, and
     * knowing the totals published outside the aggregates (which are never suppressed, nor among the cells returned);
     * throws {@link DisclosureRefusedException} when they cannot be protected.
     */
    public ProtectedCells protect(List<Cell> cells, List<PartsOfWhole> wholes, List<KnownTotal> knownTotals,
            ReleaseHistory history) {
        return protect(cells, wholes, knownTotals, List.of(), history);
    }

    /**
     * Decides every cell as above, the attacker knowing also the {@code stated} relations between cells, which no
     * margin or whole gives (two groups of different columns that hold the same events); throws
     * {@link DisclosureRefusedException} when they cannot be protected.
     */
    public ProtectedCells protect(List<Cell> cells, List<PartsOfWhole> wholes, List<KnownTotal> knownTotals,
            List<Relation> stated, ReleaseHistory history) {
        requireNonNull(cells, "cells is null");
        requireNonNull(wholes, "wholes is null");
        requireNonNull(knownTotals, "knownTotals is null");
        requireNonNull(stated, "stated is null");
        requireNonNull(history, "history is null");
        Map<CellKey, DecidedCell> decided = new LinkedHashMap<>();
        for (Cell cell : cells) {
            if (decided.put(cell.key(), primary(cell, history)) != null) {
                throw new IllegalArgumentException("Cannot protect cells: cell " + cell.key() + " appears twice");
            }
        }
        KnownTotals known = KnownTotals.of(knownTotals, decided);
        List<Cell> related = new ArrayList<>(cells);
        related.addAll(known.ofWholes());
        List<Relation> relations = new ArrayList<>(Margins.relations(related, wholes));
        relations.addAll(known.ofGroups(cells));
        relations.addAll(stated);
        AttackerCheck.Attack attack = attacker.attack(relations, known.intervals());
        Exposure exposure = new Exposure(attack, decided, relations, known);
        boolean complemented = false;
        while (true) {
            Optional<Complement> found = exposure.besideTheOnlySuppressed();
            List<CellKey> exposed = found.isPresent() ? List.of() : exposure.all();
            // A complement narrowed down is one the rules would have published: it is hidden further only while a cell
            // is left to suppress beside it (which may widen a small count beyond it too); past that it is left so.
            Optional<CellKey> small = exposed.stream()
                    .filter(key -> decided.get(key).status() != CellStatus.COMPLEMENTARY).findFirst();
            if (found.isEmpty() && !exposed.isEmpty()) {
                found = exposure.related(exposed);
            }
            if (found.isEmpty() && small.isPresent()) {
                found = farther(small.get(), decided, relations, known);
            }
            if (found.isEmpty() && small.isEmpty()) {
                return new ProtectedCells(decided.values().stream().filter(c -> !known.holds(c.key())).toList(),
                        relations.size(), complemented ? attack.intervals(decided.values(), decided.keySet())
                                : exposure.intervals, attack.programmes());
            }
            Map<CellKey, Interval> intervals = exposure.intervals;
            Complement next = found.orElseThrow(() -> {
                CellKey first = small.orElseThrow();
                return new DisclosureRefusedException("Cannot publish cell " + first
                        + ": from what is published an attacker can narrow it to " + intervals.get(first)
                        + known.given(first, decided, relations, attacker, exposure.atOrBelow)
                        + ", no wider than the protection range " + rules.protectionRange()
                        + ", and no cell is left to suppress beside it");
            });
            Cell complement = next.cell();
            decided.put(complement.key(), new DecidedCell(complement, CellStatus.COMPLEMENTARY, Optional.empty(),
                    "protects " + next.protects() + ", which an attacker could otherwise narrow to "
                            + intervals.get(next.protects())
                            + known.given(next.protects(), decided, relations, attacker, exposure.atOrBelow)));
            complemented = true;
            exposure.suppress(complement.key());
        }
    }

    /**
     * Which suppressed cells an attacker can narrow to within the protection range, asked only as the next choice of a
     * complement needs it. Suppressing a cell only loosens what the attacker knows, so no interval narrows: a cell
     * found wider than the range stays so, and only those found narrower are asked again once a cell is suppressed
     * (all of them once more at the end, for the intervals reported), the attack solving again only the bounds the
     * loosened cell could move. Most complements protect the first exposed cell that is the only one suppressed in
     * one of its relations, so the cells after it in order are not asked until no such cell is left.
     */
    private final class Exposure {
        private final AttackerCheck.Attack attack;
        private final Map<CellKey, DecidedCell> decided;
        private final List<Relation> relations;
        private final KnownTotals known;
        private final double atOrBelow = rules.protectionRange() + TOLERANCE;
        private final Comparator<Cell> partsFirst;
        /** Every suppressed cell's interval as last asked, in the order cells were suppressed. */
        private final Map<CellKey, Interval> intervals;
        /** The cells whose interval is asked under what is decided now. */
        private final Set<CellKey> current = new HashSet<>();

        Exposure(AttackerCheck.Attack attack, Map<CellKey, DecidedCell> decided, List<Relation> relations,
                KnownTotals known) {
            this.attack = attack;
            this.decided = decided;
            this.relations = relations;
            this.known = known;
            this.partsFirst = partsFirst(relations);
            this.intervals = attack.intervals(decided.values(), decided.keySet());
            current.addAll(intervals.keySet());
        }

        /**
         * The complement of the first exposed cell, in order, that is the only suppressed member of one of its
         * relations: the smallest published cell there that is larger than the protection range (so it hides the
         * exposed cell by enough), preferring cells that are not totals.
         */
        Optional<Complement> besideTheOnlySuppressed() {
            for (CellKey key : List.copyOf(intervals.keySet())) {
                Optional<Complement> beside = onlySuppressed(key);
                if (beside.isPresent() && exposed(key)) {
                    return beside;
                }
            }
            return Optional.empty();
        }

        /** Where no exposed cell is the only suppressed one in a relation: the largest published cell beside one. */
        Optional<Complement> related(List<CellKey> exposed) {
            return relations.stream().filter(r -> exposed.stream().anyMatch(k -> contains(r, k)))
                    .flatMap(Relation::members).filter(hideable(decided, known))
                    .min(partsFirst.thenComparing(Comparator.comparingLong(Cell::value).reversed()))
                    .map(cell -> new Complement(cell, exposed.stream().filter(k -> relations.stream()
                            .anyMatch(r -> contains(r, k) && contains(r, cell.key()))).findFirst().orElseThrow()));
        }

        /** Every exposed cell, in order. */
        List<CellKey> all() {
            return List.copyOf(intervals.keySet()).stream().filter(this::exposed).toList();
        }

        /** Takes {@code key} as just suppressed: it is asked now, and every other cell is asked again when needed. */
        void suppress(CellKey key) {
            current.clear();
            intervals.putAll(attack.intervals(decided.values(), Set.of(key)));
            current.add(key);
        }

        /**
         * Where {@code key} is the only suppressed member of a relation, the smallest published cell there that is
         * larger than the protection range, preferring cells that are not totals.
         */
        private Optional<Complement> onlySuppressed(CellKey key) {
            Predicate<Cell> hideable = hideable(decided, known);
            for (Relation relation : relations) {
                if (contains(relation, key) && relation.members().filter(m -> suppressed(decided, m)).count() == 1) {
                    Optional<Cell> best = relation.members().filter(hideable)
                            .min(partsFirst.thenComparing(c -> c.value() <= rules.protectionRange())
                                    .thenComparing(c -> c.value() <= rules.protectionRange() ? -c.value()
                                            : c.value()));
                    if (best.isPresent()) {
                        return Optional.of(new Complement(best.get(), key));
                    }
                }
            }
            return Optional.empty();
        }

        /**
         * Whether the attacker narrows the cell to within the protection range beyond what the known totals and the
         * relations tell by themselves, which suppression cannot hide: a cell they pin down is exposed only where the
         * aggregates narrow it further (the records output shows the rest, under its own rules; a section whose events
         * all link to no council record has none linked, whatever it shows). Each asking is two linear programmes
         * more, so without known totals only a cell pinned exactly is asked: with nothing published and no total
         * known, every constraint is a sum, so a cell is pinned to 0 or not at all.
         */
        private boolean exposed(CellKey key) {
            if (intervals.get(key).width() > atOrBelow) {
                return false;
            }
            if (current.add(key)) {
                intervals.putAll(attack.intervals(decided.values(), Set.of(key)));
            }
            Interval interval = intervals.get(key);
            return interval.width() <= atOrBelow && (!known.mayPinDown(interval)
                    || !known.pinDown(key, decided, relations, attacker, atOrBelow)
                    || interval.width() < known.alone(key, decided, relations, attacker).width() - TOLERANCE);
        }
    }

    /** The decision on a cell by itself: small, dominated, different from an earlier release, or published. */
    DecidedCell primary(Cell cell, ReleaseHistory history) {
        long value = cell.value();
        if (cell.contributions().isEmpty() && smallCounts.isSmall(value)) {
            return suppressed(cell, CellStatus.SMALL_COUNT, "a count at or below " + rules.suppressAtOrBelow());
        }
        Optional<String> dominated = cell.contributions().flatMap(c -> dominance.dominated(value, c));
        if (dominated.isPresent()) {
            return suppressed(cell, CellStatus.DOMINATED, dominated.get());
        }
        Optional<EarlierRelease> earlier = differencing.against(value, history.of(cell.key()));
        if (earlier.isPresent()) {
            return suppressed(cell, CellStatus.DIFFERENCE, "differs from the release of run " + earlier.get().runId()
                    + " by a count from 1 to " + rules.suppressAtOrBelow());
        }
        return new DecidedCell(cell, CellStatus.PUBLISHED, Optional.of(smallCounts.rounded(value)),
                "rounded to the nearest " + rules.roundTo());
    }

    private static DecidedCell suppressed(Cell cell, CellStatus status, String reason) {
        return new DecidedCell(cell, status, Optional.empty(), reason);
    }

    /** A cell to suppress and the exposed cell it is chosen to hide. */
    private record Complement(Cell cell, CellKey protects) {
    }

    /** A cell left to suppress: published, and not a known total (one it pins down may still be a complement). */
    private static Predicate<Cell> hideable(Map<CellKey, DecidedCell> decided, KnownTotals known) {
        return cell -> !suppressed(decided, cell) && !known.holds(cell.key());
    }

    /**
     * Totals after the cells they are totals of: totals of their own quantity's cells only, as a count without a flag
     * covers its parts' cells, but in its own table it may be a cell of a total like any other; and a cell equal to
     * its twin in another output is none.
     */
    private static Comparator<Cell> partsFirst(List<Relation> relations) {
        Set<CellKey> totals = new HashSet<>();
        relations.stream().filter(r -> r.parts().stream().allMatch(p -> p.quantity().equals(r.total().quantity())
                        && p.key().dimensions().size() > r.total().key().dimensions().size()))
                .forEach(r -> totals.add(r.total().key()));
        return Comparator.comparing(c -> totals.contains(c.key()));
    }

    /**
     * Where no cell is left beside an exposed small one, the largest published cell joined to it by any chain of
     * relations: a chain narrows it too (rows read of all the tables, through each table's and each output's rows in,
     * to a records output's rows in less the exact rows its file shows), and any cell along it may be what does.
     */
    private static Optional<Complement> farther(CellKey key, Map<CellKey, DecidedCell> decided,
            List<Relation> relations, KnownTotals known) {
        Set<CellKey> joined = new HashSet<>(Set.of(key));
        int reached = 0;
        while (reached < joined.size()) {
            reached = joined.size();
            relations.stream().filter(r -> r.members().anyMatch(m -> joined.contains(m.key())))
                    .forEach(r -> r.members().forEach(m -> joined.add(m.key())));
        }
        return decided.values().stream().map(DecidedCell::cell)
                .filter(c -> joined.contains(c.key()) && !suppressed(decided, c) && !known.holds(c.key()))
                .max(Comparator.comparingLong(Cell::value)).map(cell -> new Complement(cell, key));
    }

    private static boolean contains(Relation relation, CellKey key) {
        return relation.members().anyMatch(m -> m.key().equals(key));
    }

    private static boolean suppressed(Map<CellKey, DecidedCell> decided, Cell cell) {
        return decided.get(cell.key()).status().suppressed();
    }
}
