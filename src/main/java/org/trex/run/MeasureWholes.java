package org.trex.run;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * records with two flags that exclude each other add up to at most a count both are part of. Flags
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
                for (PlannedMeasure part : counts) {
                    Quantity of = byMeasure.get(whole.name());
                    Quantity counted = byMeasure.get(part.name());
                    if (part.countOf() != whole.countOf() || of.equals(counted) || part.whereField().isEmpty()) {
                        continue;
                    }
                    String flag = part.whereField().get();
                    if (whole.whereField().isEmpty() || variables && flags.implies(flag, whole.whereField().get())) {
                        wholes.add(PartsOfWhole.some(of, counted));
                    }
                    for (PlannedMeasure other : counts) {
                        Quantity rest = byMeasure.get(other.name());
                        if (!variables || other.countOf() != whole.countOf() || other.whereField().isEmpty()
                                || rest.equals(counted) || rest.equals(of)) {
                            continue;
                        }
                        String otherFlag = other.whereField().get();
                        if (whole.whereField().isEmpty() && flags.splitsWith(flag, otherFlag)) {
                            wholes.add(new PartsOfWhole(of, sorted(counted, rest), PartsOfWhole.Coverage.ALL));
                        } else if (whole.countOf() == CountOf.RECORDS && flags.excludes(flag, otherFlag)
                                && whole.whereField().map(w -> flags.implies(flag, w) && flags.implies(otherFlag, w))
                                        .orElse(true)) {
                            wholes.add(new PartsOfWhole(of, sorted(counted, rest),
                                    PartsOfWhole.Coverage.DISJOINT));
                        }
                    }
                }
            }
        }
        return List.copyOf(wholes);
    }

    /** The two parts in one order, so a split found from either side is one relation. */
    private static List<Quantity> sorted(Quantity one, Quantity other) {
        return one.id().compareTo(other.id()) <= 0 ? List.of(one, other) : List.of(other, one);
    }
}
