package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.trex.disclosure.Cell;
import org.trex.disclosure.Interval;
import org.trex.disclosure.KnownTotal;
import org.trex.disclosure.Quantity;
import org.trex.disclosure.SmallCounts;
import org.trex.linkage.CountedSection;
import org.trex.linkage.IncludedEvents;
import org.trex.plan.ExtractPlan;
import org.trex.plan.LinkageQueries;
import org.trex.plan.PlannedColumn;
import org.trex.plan.PlannedMeasure;
import org.trex.spec.CountOf;
import org.trex.spec.MeasureKind;

/**
 * The totals of an aggregate's counts that the lineage's linkage section shows, for disclosure control to protect
 * against ({@link KnownTotal}): an aggregate of the cohort's index events that groups by what the section groups by
 * (age bands within the section's, say) counts, over its cells in a group of the section, the events the section
 * shows included there. Where an aggregate's value spans groups of the section ("15-19" spans 0-17 and 18-64), the
 * total known is of those groups together.
 */
final class LinkageTotals {
    private LinkageTotals() {
    }

    /**
     * The totals the section shows of each aggregate's count of its rows (no flag; a count with one is a part of it,
     * {@link MeasureWholes}), by each column that groups as the section does, from {@code cells} as counted. Each is
     * known as the section shows it, widened where the aggregate counted other than the section (a spell's age the
     * section counts in 0-17 and the aggregate leaves blank, born after its admission): the attacker's reading of it
     * still holds the true count.
     */
    static List<KnownTotal> of(ExtractPlan plan, LinkageQueries section, List<MeasuredAggregate> aggregates,
            Map<String, Map<String, Quantity>> quantities, List<Cell> cells, CountedSection counted,
            SmallCounts rules) {
        requireNonNull(plan, "plan is null");
        requireNonNull(counted, "counted is null");
        List<KnownTotal> totals = new ArrayList<>();
        for (MeasuredAggregate aggregate : aggregates) {
            String name = aggregate.output().name();
            Optional<PlannedMeasure> rows = aggregate.output().measures().stream().filter(m -> m.kind()
                    == MeasureKind.COUNT && m.countOf() == CountOf.RECORDS && m.whereField().isEmpty()).findFirst();
            if (rows.isEmpty()) {
                continue;
            }
            Quantity quantity = quantities.get(name).get(rows.get().name());
            // One table of the count: its cells at the level of every group column, which count each row once.
            List<Cell> table = cells.stream().filter(c -> c.key().output().equals(name)
                    && c.key().measure().equals(rows.get().name())
                    && c.key().dimensions().keySet().containsAll(aggregate.dimensions())).toList();
            for (PlannedColumn column : aggregate.output().columns()) {
                if (!aggregate.dimensions().contains(column.name())) {
                    continue;
                }
                Optional<LinkageQueries.SameGrouping> grouping = section.sameGrouping(plan, aggregate.output(),
                        column);
                if (grouping.isPresent()) {
                    totals.addAll(ofColumn(name, quantity, column.name(), grouping.get(), table, counted, rules));
                }
            }
        }
        return List.copyOf(totals);
    }

    /** The totals of one column's values, a total for each set of the section's groups its values lie in together. */
    private static List<KnownTotal> ofColumn(String output, Quantity quantity, String column,
            LinkageQueries.SameGrouping grouping, List<Cell> table, CountedSection counted, SmallCounts rules) {
        Map<String, Set<String>> groupsOfValue = new LinkedHashMap<>();
        table.forEach(cell -> groupsOfValue.computeIfAbsent(cell.key().dimensions().get(column),
                grouping.groupsOf()));
        // The section's groups joined wherever a value spans several, so that each set holds its values whole.
        List<Set<String>> sets = new ArrayList<>();
        for (Set<String> groups : groupsOfValue.values()) {
            Set<String> joined = new TreeSet<>(groups);
            for (Iterator<Set<String>> set = sets.iterator(); set.hasNext();) {
                Set<String> other = set.next();
                if (!Collections.disjoint(other, joined)) {
                    joined.addAll(other);
                    set.remove();
                }
            }
            sets.add(joined);
        }
        List<KnownTotal> totals = new ArrayList<>();
        for (Set<String> groups : sets) {
            Set<String> values = new LinkedHashSet<>();
            groupsOfValue.forEach((value, spanned) -> {
                if (groups.containsAll(spanned)) {
                    values.add(value);
                }
            });
            long aggregated = table.stream().filter(c -> values.contains(c.key().dimensions().get(column)))
                    .mapToLong(Cell::value).sum();
            IncludedEvents included = IncludedEvents.of(counted, grouping.dimension().code(), groups, rules);
            long differs = aggregated - included.counted();
            Interval shown = included.shown();
            Interval known = new Interval(Math.max(0, shown.lower() + Math.min(0, differs)),
                    shown.upper() + Math.max(0, differs));
            String words = grouping.dimension().text().toLowerCase(Locale.ROOT) + (groups.size() == 1 ? " " : "s ")
                    + String.join(", ", groups);
            totals.add(KnownTotal.ofGroup(output, quantity, known, new KnownTotal.Group(column, values, words)));
        }
        return totals;
    }
}
