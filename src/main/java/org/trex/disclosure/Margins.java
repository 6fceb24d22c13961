package org.trex.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relations between the cells of one quantity: a cell whose dimensions are a subset of other cells' (a
 * total, or a cell of another output grouped by fewer dimensions) covers the cells that agree with it on them.
 * A group nobody is in has no cell and counts as a zero the attacker knows. Cells of one quantity at the same
 * dimension values in several outputs are equal. Between quantities, a cell of a whole
 * covers the cells of its parts ({@link PartsOfWhole}) at the same dimension values, in the same output or, as its
 * reach says, in any.
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
                List<Cell> beside = whole.reach() == PartsOfWhole.Reach.EVERY_OUTPUT
                        ? byDimensions.get(total.key().dimensions()) : byPlace.get(Place.of(total));
                relations.addAll(partsBeside(total, beside, whole));
            }
        }
        return relations;
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
     * The cells of a whole's parts beside one of its cells: all of them as its sum (or, disjoint, at most it), else
     * each at most it.
     */
    private static List<Relation> partsBeside(Cell total, List<Cell> beside, PartsOfWhole whole) {
        List<Cell> parts = new ArrayList<>();
        for (Quantity quantity : whole.parts()) {
            // Two measures of one quantity (in one output or two) are the same count: either stands for it.
            beside.stream().filter(c -> c.quantity().equals(quantity)).findFirst().ifPresent(parts::add);
        }
        if (whole.coverage() == PartsOfWhole.Coverage.ALL && parts.size() == whole.parts().size()) {
            return List.of(new Relation(total, parts, total.quantity().additivity()));
        }
        if (whole.coverage() == PartsOfWhole.Coverage.DISJOINT && parts.size() == whole.parts().size()) {
            return List.of(new Relation(total, parts, Additivity.AT_LEAST));
        }
        return parts.stream().map(part -> new Relation(total, List.of(part), Additivity.AT_LEAST)).toList();
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
