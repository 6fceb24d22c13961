package org.trex.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.trex.disclosure.PartsOfWhole;
import org.trex.disclosure.Quantity;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedMeasure;
import org.trex.spec.CountOf;
import org.trex.spec.FlagRelations;
import org.trex.spec.MeasureKind;

/** Which counts of the aggregates' outputs are parts of which, for the attacker check of disclosure control. */
final class MeasureWholes {
    private MeasureWholes() {
    }

    /**
     * Which quantities count part of another's records or people, read from each output's counts (over the same
     * rows, cell by cell): a count with a flag is part of the same count without one, and of the count with a flag
     * that its flag implies; two flags that split every record between them add up to the count without one, and
     * records with flags that exclude one another add up to at most a count all are part of; a count of people is
     * at most the count of records with its flag (or none). Flags
     * are related through their definitions only in outputs on the index dataset, where they name the spec's
     * variables (elsewhere a flag is a source field, of which only its own count is known to be a part). Outputs on
     * the index dataset that count the same rows (the same window, the same thing counted) and give their shared
     * dimensions the same definitions are read together too: a count in one can be part of a count in another.
     */
    static List<PartsOfWhole> of(List<MeasuredAggregate> aggregates,
            Map<String, Map<String, Quantity>> quantities, FlagRelations flags, String indexDataset) {
        Set<PartsOfWhole> wholes = new LinkedHashSet<>();
        Map<String, List<Count>> populations = new LinkedHashMap<>();
        for (MeasuredAggregate aggregate : aggregates) {
            Map<String, Quantity> byMeasure = quantities.get(aggregate.output().name());
            List<Count> counts = aggregate.output().measures().stream().filter(m -> m.kind() == MeasureKind.COUNT)
                    .map(m -> new Count(aggregate.output(), m, byMeasure.get(m.name()))).toList();
            boolean variables = aggregate.output().output().dataset().equals(indexDataset);
            partsWithin(counts, variables, PartsOfWhole.Reach.OWN_OUTPUT, flags, wholes);
            if (variables) {
                counts.forEach(count -> count.population().ifPresent(population -> populations
                        .computeIfAbsent(population, p -> new ArrayList<>()).add(count)));
            }
        }
        for (List<Count> counts : populations.values()) {
            if (counts.stream().map(Count::output).distinct().count() > 1 && sameDimensions(counts)) {
                partsWithin(distinctQuantities(counts), true, PartsOfWhole.Reach.EVERY_OUTPUT, flags, wholes);
            }
        }
        // Parts that reach every output are found in the whole's own output too: the same relation twice.
        wholes.removeIf(w -> w.reach() == PartsOfWhole.Reach.OWN_OUTPUT && wholes.contains(
                new PartsOfWhole(w.whole(), w.parts(), w.coverage(), PartsOfWhole.Reach.EVERY_OUTPUT)));
        return List.copyOf(wholes);
    }

    /** Adds to {@code wholes} the parts among these counts of the same rows, with this reach. */
    private static void partsWithin(List<Count> counts, boolean variables, PartsOfWhole.Reach reach,
            FlagRelations flags, Set<PartsOfWhole> wholes) {
        for (Count whole : counts) {
            Quantity of = whole.quantity();
            Optional<String> wholeFlag = whole.measure().whereField();
            // The flags of this whole's parts, by their quantity, where the flags are the spec's variables.
            Map<Quantity, String> flagged = new TreeMap<>(Comparator.comparing(Quantity::id));
            if (whole.measure().countOf() == CountOf.RECORDS) {
                // The people of a cell's records (with the same flag, or none) are at most as many as its records.
                counts.stream().filter(people -> people.measure().countOf() == CountOf.PEOPLE
                        && people.measure().whereField().equals(wholeFlag)).forEach(people -> wholes.add(
                                new PartsOfWhole(of, List.of(people.quantity()), PartsOfWhole.Coverage.SOME, reach)));
            }
            for (Count part : counts) {
                Quantity counted = part.quantity();
                if (part.measure().countOf() != whole.measure().countOf() || of.equals(counted)
                        || part.measure().whereField().isEmpty()) {
                    continue;
                }
                String flag = part.measure().whereField().get();
                if (wholeFlag.isEmpty() || variables && flags.implies(flag, wholeFlag.get())) {
                    wholes.add(new PartsOfWhole(of, List.of(counted), PartsOfWhole.Coverage.SOME, reach));
                    if (variables) {
                        flagged.put(counted, flag);
                    }
                }
                for (Count other : counts) {
                    Quantity rest = other.quantity();
                    if (variables && wholeFlag.isEmpty() && other.measure().countOf() == whole.measure().countOf()
                            && other.measure().whereField().isPresent() && !rest.equals(counted) && !rest.equals(of)
                            && flags.splitsWith(flag, other.measure().whereField().get())) {
                        wholes.add(new PartsOfWhole(of, sorted(counted, rest), PartsOfWhole.Coverage.ALL, reach));
                    }
                }
            }
            if (whole.measure().countOf() == CountOf.RECORDS) {
                // A flag and its negation already add up to the whole: at most the whole says nothing more.
                exclusiveGroups(new ArrayList<>(), new ArrayList<>(flagged.keySet()), flagged, flags).stream()
                        .filter(group -> !wholes.contains(
                                new PartsOfWhole(of, group, PartsOfWhole.Coverage.ALL, reach)))
                        .forEach(group -> wholes.add(new PartsOfWhole(of, group, PartsOfWhole.Coverage.DISJOINT,
                                reach)));
            }
        }
    }

    /**
     * Whether the outputs of these counts give every dimension name they share one definition: a cell of one and a
     * cell of another at the same values then count from the same groups of rows.
     */
    private static boolean sameDimensions(List<Count> counts) {
        Map<String, String> definitions = new HashMap<>();
        return counts.stream().map(Count::output).distinct().flatMap(output -> output.columns().stream())
                .allMatch(column -> definitions.computeIfAbsent(column.name(),
                        name -> AggregateQuantities.definition(column)).equals(AggregateQuantities.definition(column)));
    }

    /** One count of each quantity: two measures of one quantity count the same. */
    private static List<Count> distinctQuantities(List<Count> counts) {
        Map<Quantity, Count> byQuantity = new LinkedHashMap<>();
        counts.forEach(count -> byQuantity.putIfAbsent(count.quantity(), count));
        return List.copyOf(byQuantity.values());
    }

    /** A count measure of an output, and what it counts. */
    private record Count(OutputPlan output, PlannedMeasure measure, Quantity quantity) {
        /**
         * The quantity of the same count without a flag, which names the rows it counts from; none for a quantity of
         * one output alone (two outputs gave a dimension two definitions), which no other output's count is part of.
         */
        Optional<String> population() {
            String id = quantity.id();
            if (measure.whereField().isEmpty()) {
                return Optional.of(id);
            }
            String flag = AggregateQuantities.flagged(measure.whereField().get());
            return id.endsWith(flag) ? Optional.of(id.substring(0, id.length() - flag.length())) : Optional.empty();
        }
    }

    /**
     * The largest groups of parts whose flags exclude one another two by two (no record is in two of them), each
     * extending {@code group} by candidates from {@code rest}: all of a group together is at most the whole, which
     * tells an attacker more than each pair does.
     */
    private static List<List<Quantity>> exclusiveGroups(List<Quantity> group, List<Quantity> rest,
            Map<Quantity, String> flagged, FlagRelations flags) {
        List<List<Quantity>> groups = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            Quantity next = rest.get(i);
            if (excludesAll(group, next, flagged, flags)) {
                List<Quantity> larger = new ArrayList<>(group);
                larger.add(next);
                groups.addAll(exclusiveGroups(larger, rest.subList(i + 1, rest.size()), flagged, flags));
            }
        }
        // Only a group no other part can join: a smaller one says less than the group it is in.
        if (group.size() > 1 && flagged.keySet().stream()
                .noneMatch(q -> !group.contains(q) && excludesAll(group, q, flagged, flags))) {
            groups.add(List.copyOf(group));
        }
        return groups;
    }

    private static boolean excludesAll(List<Quantity> group, Quantity next, Map<Quantity, String> flagged,
            FlagRelations flags) {
        return group.stream().allMatch(q -> flags.excludes(flagged.get(q), flagged.get(next)));
    }

    /** The two parts in one order, so a split found from either side is one relation. */
    private static List<Quantity> sorted(Quantity one, Quantity other) {
        return one.id().compareTo(other.id()) <= 0 ? List.of(one, other) : List.of(other, one);
    }
}
