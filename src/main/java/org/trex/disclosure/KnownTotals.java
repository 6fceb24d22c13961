package org.trex.disclosure;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The totals published outside the aggregates that one protection knows, by the key of each as a cell. */
final class KnownTotals {
    private final Map<CellKey, KnownTotal> byKey;
    /** What the known totals alone tell of each cell asked about, as found. */
    private final Map<CellKey, Interval> alone = new HashMap<>();

    private KnownTotals(Map<CellKey, KnownTotal> byKey) {
        this.byKey = byKey;
    }

    /**
     * The totals, each added to {@code decided} as a published cell: the attacker reads it like one, but from its
     * interval ({@link #intervals}), and it is never suppressed.
     */
    static KnownTotals of(List<KnownTotal> totals, Map<CellKey, DecidedCell> decided) {
        requireNonNull(totals, "totals is null");
        requireNonNull(decided, "decided is null");
        Map<CellKey, KnownTotal> byKey = new LinkedHashMap<>();
        for (KnownTotal total : totals) {
            Cell cell = total.cell();
            if (decided.containsKey(cell.key())) {
                throw new IllegalArgumentException("Cannot protect cells: the total " + cell.key()
                        + " known from outside the aggregates is there twice, or is one of their cells");
            }
            byKey.put(cell.key(), total);
            decided.put(cell.key(), new DecidedCell(cell, CellStatus.PUBLISHED, Optional.of(cell.value()),
                    "published outside the aggregates, as " + total.source()));
        }
        return new KnownTotals(byKey);
    }

    List<KnownTotal> totals() {
        return List.copyOf(byKey.values());
    }

    /** The totals of every cell of their quantity, which {@link Margins} relates to the cells like any total. */
    List<Cell> ofWholes() {
        return byKey.values().stream().filter(t -> t.group().isEmpty()).map(KnownTotal::cell).toList();
    }

    /**
     * What each total of a group says of the cells it covers: it is their sum in each table that has the group's
     * dimension (an output's measure at one level of its groups), as each table counts every record once.
     */
    List<Relation> ofGroups(Collection<Cell> cells) {
        List<Relation> relations = new ArrayList<>();
        for (KnownTotal total : byKey.values()) {
            Map<List<Object>, List<Cell>> byTable = new LinkedHashMap<>();
            cells.stream().filter(total::covers).forEach(cell -> byTable.computeIfAbsent(List.of(cell.key().output(),
                    cell.key().measure(), cell.key().dimensions().keySet()), t -> new ArrayList<>()).add(cell));
            byTable.values().forEach(parts -> relations.add(new Relation(total.cell(), parts,
                    total.quantity().additivity())));
        }
        return relations;
    }

    /** What the attacker knows of each total, by its key. */
    Map<CellKey, Interval> intervals() {
        return byKey.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> e.getValue().known()));
    }

    /** Whether the key is a known total's. */
    boolean holds(CellKey key) {
        return byKey.containsKey(key);
    }

    /**
     * What the known totals alone tell of a cell, every cell of the aggregates suppressed: no suppression hides more.
     * Independent of what is decided, so found once.
     */
    Interval alone(CellKey key, Map<CellKey, DecidedCell> decided, List<Relation> relations, AttackerCheck attacker) {
        return alone.computeIfAbsent(key, k -> attacker.intervals(decided.values().stream()
                .map(c -> holds(c.key()) || c.status().suppressed() ? c
                        : new DecidedCell(c.cell(), CellStatus.COMPLEMENTARY, Optional.empty(), c.reason()))
                .toList(), relations, Set.of(k), intervals()).get(k));
    }

    /**
     * Whether what the known totals and the relations alone tell may be all the attacker knows of a cell narrowed to
     * {@code interval}: wherever there are known totals, and where the relations alone could pin it, exactly.
     */
    boolean mayPinDown(Interval interval) {
        return !byKey.isEmpty() || interval.width() <= CellProtection.TOLERANCE;
    }

    /**
     * Whether the known totals and the relations alone narrow a cell to at most {@code exposedAtOrBelow}: what they
     * tell of it, no suppression in the aggregates can hide.
     */
    boolean pinDown(CellKey key, Map<CellKey, DecidedCell> decided, List<Relation> relations, AttackerCheck attacker,
            double exposedAtOrBelow) {
        return alone(key, decided, relations, attacker).width() <= exposedAtOrBelow;
    }

    /**
     * The sources of the known totals of a cell's quantity (of all, if none is of its quantity), in words: of the
     * totals of groups, only those the cell is in a relation with (the linkage section's other groups tell nothing of
     * it by themselves).
     */
    private String sources(CellKey key, Map<CellKey, DecidedCell> decided, List<Relation> relations) {
        Quantity quantity = decided.get(key).cell().quantity();
        Set<CellKey> beside = relations.stream().filter(r -> r.members().anyMatch(m -> m.key().equals(key)))
                .flatMap(Relation::members).map(Cell::key).collect(Collectors.toSet());
        List<KnownTotal> same = byKey.entrySet().stream().filter(e -> e.getValue().quantity().equals(quantity)
                        && (e.getValue().group().isEmpty() || beside.contains(e.getKey())))
                .map(Map.Entry::getValue).toList();
        return (same.isEmpty() ? byKey.values() : same).stream().map(KnownTotal::source).distinct()
                .collect(Collectors.joining(" and "));
    }

    /**
     * " given the rows of records output X" when it takes the known totals to narrow the cell to at most {@code
     * exposedAtOrBelow} (without them it would be wider), so a reader sees why a complement was needed; else "".
     */
    String given(CellKey key, Map<CellKey, DecidedCell> decided, List<Relation> relations, AttackerCheck attacker,
            double exposedAtOrBelow) {
        if (byKey.isEmpty()) {
            return "";
        }
        List<DecidedCell> aggregates = decided.values().stream().filter(c -> !holds(c.key())).toList();
        List<Relation> among = relations.stream().filter(r -> r.members().noneMatch(m -> holds(m.key()))).toList();
        Interval without = attacker.intervals(aggregates, among, Set.of(key)).get(key);
        if (without == null || without.width() <= exposedAtOrBelow) {
            return "";
        }
        return " given " + sources(key, decided, relations);
    }
}
