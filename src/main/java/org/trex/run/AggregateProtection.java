package org.trex.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.trex.disclosure.Cell;
import org.trex.disclosure.CellProtection;
import org.trex.disclosure.DisclosureRefusedException;
import org.trex.disclosure.KnownTotal;
import org.trex.disclosure.PartsOfWhole;
import org.trex.disclosure.ProtectedCells;
import org.trex.disclosure.Quantity;
import org.trex.disclosure.ReleaseHistory;
import org.trex.disclosure.SmallCounts;
import org.trex.linkage.CountedSection;
import org.trex.plan.ExtractPlan;
import org.trex.plan.LinkageQueries;
import org.trex.source.SourceCatalog;
import org.trex.spec.DisclosureRules;
import org.trex.spec.ExtractSpec;
import org.trex.spec.FlagRelations;

/**
 * The decisions on every aggregate cell of a run, taken together: the cells as measured, what the attacker knows of
 * them from the rest of the extract (the measures that are parts of another, the totals the records files, the
 * lineage's counts and its linkage section show) and the earlier releases, given to the disclosure core.
 */
final class AggregateProtection {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AggregateProtection.class);

    private AggregateProtection() {
    }

    /**
     * Decides the cells of {@code aggregates}; {@code linkage} is asked for the linkage section only where
     * there are aggregates, as the section is counted beside the job.
     */
    static ProtectedCells protect(ExtractPlan plan, SourceCatalog catalog, List<MeasuredAggregate> aggregates,
            List<RecordsTotals.Released> records, ReleaseHistory history,
            Supplier<Optional<CountedSection>> linkage) {
        ExtractSpec spec = plan.spec();
        DisclosureRules rules = plan.policy().disclosure();
        Map<String, Map<String, Quantity>> quantities = AggregateQuantities.of(aggregates);
        List<Cell> cells = new ArrayList<>();
        aggregates.forEach(a -> cells.addAll(a.cells(quantities.get(a.output().name()))));
        List<PartsOfWhole> wholes = MeasureWholes.of(aggregates, quantities, new FlagRelations(spec),
                SourceCatalog.indexDatasetName(spec.cohort().indexEvent()));
        List<KnownTotal> known = new ArrayList<>(RecordsTotals.of(aggregates, quantities, records));
        SmallCounts shown = new SmallCounts(rules);
        known.addAll(RecordsTotals.shownInLineage(aggregates, quantities, shown, known));
        if (!aggregates.isEmpty()) {
            linkage.get().ifPresent(counted -> known.addAll(LinkageTotals.of(plan, new LinkageQueries(catalog),
                    aggregates, quantities, cells, counted, shown)));
        }
        long started = System.nanoTime();
        try {
            ProtectedCells decided = new CellProtection(rules).protect(cells, wholes, known, history);
            LOG.info("Disclosure control decided {} aggregate cells ({} relations between them, {} linear programmes)"
                    + " in {} ms", cells.size(), decided.relations(), decided.programmes(),
                    (System.nanoTime() - started) / 1_000_000);
            return decided;
        } catch (DisclosureRefusedException e) {
            throw new DisclosureException(e.getMessage());
        }
    }
}
