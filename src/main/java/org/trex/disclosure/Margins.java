package org.trex.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The relations between the cells of one quantity: a cell whose dimensions are a subset of other cells' (a
 * total, or a cell of another output grouped by fewer dimensions) covers the cells that agree with it on them.
 * A group nobody is in has no cell and counts as a zero the attacker knows. Cells of one quantity at the same
 * dimension values in several outputs are equal. Between quantities, a cell of a whole
 * covers the cells of its parts ({@link PartsOfWhole}) at the same dimension values in the same output or, as its
 * reach says, in any output, at those values or under them.
 */
public final class Margins {
    private Margins() {
    }

    /** Every relation between the cells of each quantity, in the cells' order. */
    public static List<Relation> relations(Collection<Cell> cells) {
        return relations(cells, List.of());
    }

    /** Every relation between the cells of each quantity, then those between the cells of a whole and its parts. */
    public static List<Relation> relations(Collection<Cell> cells, List<PartsOfWhole> wholes) {
        Map<Quantity, List<Cell>> byQuantity = new LinkedHashMap<>();
        cells.forEach(cell -> byQuantity.computeIfAbsent(cell.quantity(), q -> new ArrayList<>()).add(cell));
        List<Relation> relations = new ArrayList<>();
        byQuantity.forEach((quantity, members) -> {
            Set<Set<String>> levels = new LinkedHashSet<>();
            members.forEach(cell -> levels.add(cell.key().dimensions().keySet()));
            for (Cell total : members) {
                Set<String> totalLevel = total.key().dimensions().keySet();
                for (Set<String> level : levels) {
                    if (level.size() > totalLevel.size() && level.containsAll(totalLevel)) {
                        // Each table grouped at that level adds up to the total on its own: two outputs grouped the
                        // same way each count every record once, so together they count it twice.
                        Map<Table, List<Cell>> byTable = new LinkedHashMap<>();
                        members.stream().filter(c -> c.key().dimensions().keySet().equals(level))
                                .forEach(c -> byTable.computeIfAbsent(Table.of(c), t -> new ArrayList<>()).add(c));
                        byTable.values().forEach(table -> relations.add(new Relation(total,
                                table.stream().filter(c -> total.key().covers(c.key())).toList(),
                                quantity.additivity())));
                    }
                }
            }
        });
        byQuantity.values().forEach(members -> relations.addAll(sameCounts(members)));
        Map<Place, List<Cell>> byPlace = new LinkedHashMap<>();
        cells.forEach(cell -> byPlace.computeIfAbsent(Place.of(cell), p -> new ArrayList<>()).add(cell));
        Map<Map<String, String>, List<Cell>> byDimensions = new LinkedHashMap<>();
        cells.forEach(cell -> byDimensions.computeIfAbsent(cell.key().dimensions(), d -> new ArrayList<>()).add(cell));
        for (PartsOfWhole whole : wholes) {
            for (Cell total : byQuantity.getOrDefault(whole.whole(), List.of())) {
                List<List<Cell>> parts = whole.reach() == PartsOfWhole.Reach.EVERY_OUTPUT
                        ? partsInAnyOutput(total, whole, byDimensions.get(total.key().dimensions()), byQuantity)
                        : partsBeside(byPlace.get(Place.of(total)), whole);
                relations.addAll(partRelations(total, parts, whole));
            }
        }
        return relations;
    }

    /**
     * The cells of each of a whole's parts in its cell's own output, at its dimension values: one cell of each part
     * there is.
     */
    private static List<List<Cell>> partsBeside(List<Cell> beside, PartsOfWhole whole) {
        return whole.parts().stream().flatMap(quantity -> cellOf(beside, quantity).map(List::of).stream()).toList();
    }

    /**
     * The cells of each of a whole's parts in any output: its cell at the whole's dimension values, else the cells a
     * table of it grouped by more dimensions has under them (the first such table), which count the same records
     * between them. A part no output counts under the whole's cell is left out.
     */
    private static List<List<Cell>> partsInAnyOutput(Cell total, PartsOfWhole whole, List<Cell> beside,
            Map<Quantity, List<Cell>> byQuantity) {
        return whole.parts().stream().flatMap(quantity -> cellOf(beside, quantity).map(List::of)
                .or(() -> finerTable(total, byQuantity.getOrDefault(quantity, List.of()))).stream()).toList();
    }

    /** Two measures of one quantity (in one output or two) are the same count: either stands for it. */
    private static Optional<Cell> cellOf(List<Cell> cells, Quantity quantity) {
        return cells.stream().filter(c -> c.quantity().equals(quantity)).findFirst();
    }

    /** The cells under a total of the first table of a quantity's cells that has any, at one level. */
    private static Optional<List<Cell>> finerTable(Cell total, List<Cell> cells) {
        Map<Table, List<Cell>> finer = new LinkedHashMap<>();
        cells.stream().filter(c -> total.key().covers(c.key()))
                .forEach(c -> finer.computeIfAbsent(Table.of(c), t -> new ArrayList<>()).add(c));
        // One table's cells at one level: a table of an output with totals holds several levels.
        return finer.values().stream().findFirst().map(table -> table.stream()
                .filter(c -> c.key().dimensions().keySet().equals(table.get(0).key().dimensions().keySet()))
                .toList());
    }

    /**
     * Cells of one quantity at the same dimension values in two outputs (or two measures of one output) count the
     * same records, so an attacker reads one from the other: each equals the first of them.
     */
    private static List<Relation> sameCounts(List<Cell> members) {
        Map<Map<String, String>, List<Cell>> byDimensions = new LinkedHashMap<>();
        members.forEach(cell -> byDimensions.computeIfAbsent(cell.key().dimensions(), d -> new ArrayList<>())
                .add(cell));
        List<Relation> relations = new ArrayList<>();
        for (List<Cell> same : byDimensions.values()) {
            same.subList(1, same.size()).forEach(c -> relations.add(new Relation(same.get(0), List.of(c),
                    Additivity.EXACT)));
        }
        return relations;
    }

    /**
     * What a whole's cell says of its parts' cells (each part as the cells that count its records under the whole's
     * cell): all of them as its sum (or, disjoint, at most it), else each part's at most it; of people, each cell.
     */
    private static List<Relation> partRelations(Cell total, List<List<Cell>> parts, PartsOfWhole whole) {
        List<Cell> all = parts.stream().flatMap(List::stream).toList();
        boolean every = parts.size() == whole.parts().size();
        if (whole.coverage() == PartsOfWhole.Coverage.ALL && every) {
            return List.of(new Relation(total, all, total.quantity().additivity()));
        }
        if (whole.coverage() == PartsOfWhole.Coverage.DISJOINT && every) {
            return List.of(new Relation(total, all, Additivity.AT_LEAST));
        }
        if (total.quantity().additivity() == Additivity.EXACT) {
            return parts.stream().map(cells -> new Relation(total, cells, Additivity.AT_LEAST)).toList();
        }
        // One person may be counted under several of a part's cells: each is at most the whole, not their sum.
        return all.stream().map(cell -> new Relation(total, List.of(cell), Additivity.AT_LEAST)).toList();
    }

    /** The output and measure a cell is published in. */
    private record Table(String output, String measure) {
        static Table of(Cell cell) {
            return new Table(cell.key().output(), cell.key().measure());
        }
    }

    /** Where a cell sits apart from its measure: cells of one place count the same records. */
    private record Place(String output, Map<String, String> dimensions) {
        static Place of(Cell cell) {
            return new Place(cell.key().output(), cell.key().dimensions());
        }
    }
}
