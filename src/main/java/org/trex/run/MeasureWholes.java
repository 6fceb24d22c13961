package org.trex.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trex.disclosure.PartsOfWhole;
import org.trex.disclosure.Quantity;
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
     * records with flags that exclude one another add up to at most a count all are part of. Flags
     * are related through their definitions only in outputs on the index dataset, where they name the spec's
     * variables (elsewhere a flag is a source field, of which only its own count is known to be a part).
     */
    static List<PartsOfWhole> of(List<MeasuredAggregate> aggregates,
            Map<String, Map<String, Quantity>> quantities, FlagRelations flags, String indexDataset) {
        Set<PartsOfWhole> wholes = new LinkedHashSet<>();
        for (MeasuredAggregate aggregate : aggregates) {
            Map<String, Quantity> byMeasure = quantities.get(aggregate.output().name());
            boolean variables = aggregate.output().output().dataset().equals(indexDataset);
            List<PlannedMeasure> counts = aggregate.output().measures().stream()
                    .filter(m -> m.kind() == MeasureKind.COUNT).toList();
            for (PlannedMeasure whole : counts) {
                Quantity of = byMeasure.get(whole.name());
                // The flags of this whole's parts, by their quantity, where the flags are the spec's variables.
                Map<Quantity, String> flagged = new TreeMap<>(Comparator.comparing(Quantity::id));
                for (PlannedMeasure part : counts) {
                    Quantity counted = byMeasure.get(part.name());
                    if (part.countOf() != whole.countOf() || of.equals(counted) || part.whereField().isEmpty()) {
                        continue;
                    }
                    String flag = part.whereField().get();
                    if (whole.whereField().isEmpty() || variables && flags.implies(flag, whole.whereField().get())) {
                        wholes.add(PartsOfWhole.some(of, counted));
                        if (variables) {
                            flagged.put(counted, flag);
                        }
                    }
                    for (PlannedMeasure other : counts) {
                        Quantity rest = byMeasure.get(other.name());
                        if (variables && whole.whereField().isEmpty() && other.countOf() == whole.countOf()
                                && other.whereField().isPresent() && !rest.equals(counted) && !rest.equals(of)
                                && flags.splitsWith(flag, other.whereField().get())) {
                            wholes.add(new PartsOfWhole(of, sorted(counted, rest), PartsOfWhole.Coverage.ALL));
                        }
                    }
                }
                if (whole.countOf() == CountOf.RECORDS) {
                    // A flag and its negation already add up to the whole: at most the whole says nothing more.
                    exclusiveGroups(new ArrayList<>(), new ArrayList<>(flagged.keySet()), flagged, flags).stream()
                            .filter(group -> !wholes.contains(new PartsOfWhole(of, group, PartsOfWhole.Coverage.ALL)))
                            .forEach(group -> wholes.add(new PartsOfWhole(of, group, PartsOfWhole.Coverage.DISJOINT)));
                }
            }
        }
        return List.copyOf(wholes);
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
