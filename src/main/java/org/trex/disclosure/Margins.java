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
 * A group nobody is in has no cell and counts as a zero the attacker knows.
 */
public final class Margins {
    private Margins() {
    }

    /** Every relation between the cells, in the cells' order. */
    public static List<Relation> relations(Collection<Cell> cells) {
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
        return relations;
    }
}
