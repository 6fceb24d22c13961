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
 * A group nobody is in has no cell and counts as a zero the attacker knows. Between quantities, a cell of a whole
 * covers the cells of its parts ({@link PartsOfWhole}) in the same output at the same dimension values.
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
                        List<Cell> parts = members.stream()
                                .filter(c -> c.key().dimensions().keySet().equals(level) && total.key().covers(c.key()))
                                .toList();
                        relations.add(new Relation(total, parts, quantity.additivity()));
                    }
                }
            }
        });
        Map<Place, List<Cell>> byPlace = new LinkedHashMap<>();
        cells.forEach(cell -> byPlace.computeIfAbsent(Place.of(cell), p -> new ArrayList<>()).add(cell));
        for (PartsOfWhole whole : wholes) {
            for (Cell total : byQuantity.getOrDefault(whole.whole(), List.of())) {
                List<Cell> beside = byPlace.get(Place.of(total));
                relations.addAll(partsBeside(total, beside, whole));
            }
        }
        return relations;
    }

    /** The cells of a whole's parts beside one of its cells: all of them as its sum, else each at most it. */
    private static List<Relation> partsBeside(Cell total, List<Cell> beside, PartsOfWhole whole) {
        List<Cell> parts = new ArrayList<>();
        for (Quantity quantity : whole.parts()) {
            // Two measures of one quantity in an output are the same count: either stands for it.
            beside.stream().filter(c -> c.quantity().equals(quantity)).findFirst().ifPresent(parts::add);
        }
        if (whole.coverage() == PartsOfWhole.Coverage.ALL && parts.size() == whole.parts().size()) {
            return List.of(new Relation(total, parts, total.quantity().additivity()));
        }
        return parts.stream().map(part -> new Relation(total, List.of(part), Additivity.AT_LEAST)).toList();
    }

    /** Where a cell sits apart from its measure: cells of one place count the same records. */
    private record Place(String output, Map<String, String> dimensions) {
        static Place of(Cell cell) {
            return new Place(cell.key().output(), cell.key().dimensions());
        }
    }
}
