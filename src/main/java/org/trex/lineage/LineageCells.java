package org.trex.lineage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.trex.disclosure.Additivity;
import org.trex.disclosure.Cell;
import org.trex.disclosure.CellKey;
import org.trex.disclosure.CellProtection;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.Interval;
import org.trex.disclosure.KnownTotal;
import org.trex.disclosure.Quantity;
import org.trex.disclosure.Relation;
import org.trex.disclosure.ReleaseHistory;
import org.trex.disclosure.SmallCounts;
import org.trex.linkage.ShownCount;
import org.trex.spec.DisclosureRules;

/**
 * The lineage's own counts, decided together as an aggregate's cells are: rows read by each table and by all the
 * outputs, rows (and people) each reason left out, and each output's rows in and left out. They add up: a table's rows
 * read are the rows in of the outputs that read it, the reasons' rows sum to the outputs' rows left out (a sum the
 * lineage does not show), a records output's rows in are its rows left out and the rows its files hold (exactly, for
 * anyone to count), and the outputs of one read hold the same rows. Shown each alone, a small count the others give
 * back is no protection; so one the rest would narrow to within the protection range has complementary counts
 * suppressed beside it. A relation is taken only where the exact counts hold it: the run's always do.
 */
final class LineageCells {
    private static final String PLACE = "lineage";

    private final Map<CellKey, DecidedCell> decided;
    private final SmallCounts rules;

    private LineageCells(Map<CellKey, DecidedCell> decided, SmallCounts rules) {
        this.decided = decided;
        this.rules = rules;
    }

    /** The counts of a finished run as its policy's disclosure rules let them be shown together. */
    static LineageCells of(LineageRun run) {
        requireNonNull(run, "run is null");
        Table table = new Table();
        Cell read = table.add(rowsReadKey(), run.rowsRead());
        // Left out by all the outputs, for every reason: both sets of counts sum to it, but it is shown nowhere.
        Cell leftOut = table.known(new KnownTotal("the rows left out by all the outputs, for every reason",
                new Quantity("rows left out", Additivity.EXACT), new Interval(0, Double.POSITIVE_INFINITY),
                KnownTotal.Shown.AS_A_SHARED_SUM), run.outputs().stream()
                .mapToLong(o -> o.reconciliation().rowsLeftOut()).sum());
        List<Cell> tables = new ArrayList<>();
        for (Source source : run.sources()) {
            source.rowsRead().ifPresent(rows -> tables.add(table.add(rowsReadKey(source), rows)));
        }
        table.relate(read, tables, Additivity.EXACT);
        List<Cell> reasons = new ArrayList<>();
        for (Exclusion exclusion : run.exclusions()) {
            Cell rows = table.add(rowsKey(exclusion), exclusion.rows());
            reasons.add(rows);
            if (exclusion.peopleCountable()) {
                table.relate(rows, List.of(table.add(peopleKey(exclusion), exclusion.people())), Additivity.AT_LEAST);
            }
        }
        table.relate(leftOut, reasons, Additivity.EXACT);
        Map<String, List<Output>> byMainSource = new LinkedHashMap<>();
        List<Cell> outputsLeftOut = new ArrayList<>();
        for (Output output : run.outputs()) {
            Reconciliation r = output.reconciliation();
            Cell in = table.add(rowsInKey(output), r.rowsIn());
            Cell left = table.add(rowsLeftOutKey(output), r.rowsLeftOut());
            outputsLeftOut.add(left);
            byMainSource.computeIfAbsent(output.mainSource(), s -> new ArrayList<>()).add(output);
            if (output.kind() == OutputKind.RECORDS) {
                // Anyone can count a records output's rows in its files: its rows in less them are its rows left out.
                Cell out = table.known(new KnownTotal(output.name(), new Quantity("rows out of " + output.name(),
                        Additivity.EXACT), new Interval(r.rowsOut(), r.rowsOut())), r.rowsOut());
                table.relate(in, List.of(left, out), Additivity.EXACT);
            } else {
                // An aggregate's rows counted are its cells': the lineage tells only that they are no count below 0.
                table.relate(in, List.of(left), Additivity.AT_LEAST);
            }
        }
        table.relate(leftOut, outputsLeftOut, Additivity.EXACT);
        for (Source source : run.sources()) {
            List<Output> readers = byMainSource.getOrDefault(source.name(), List.of());
            if (source.rowsRead().isPresent() && !readers.isEmpty()) {
                table.relate(table.cell(rowsReadKey(source)), readers.stream().map(o -> table.cell(rowsInKey(o)))
                        .toList(), Additivity.EXACT);
            }
        }
        // Outputs of one shared read hold its rows and lose the same ones (but for those a records output's own
        // disclosure control drops), as the lineage's SQL says: one of them shown gives the others back.
        for (List<Output> readers : byMainSource.values()) {
            for (Output other : readers.subList(1, readers.size())) {
                table.same(readers.get(0), other, LineageCells::rowsInKey);
                table.same(readers.get(0), other, LineageCells::rowsLeftOutKey);
            }
        }
        return new LineageCells(table.protect(run.policy().disclosure()), new SmallCounts(run.policy().disclosure()));
    }

    /** Rows read by all the outputs. */
    ShownCount rowsRead() {
        return shown(rowsReadKey());
    }

    /** Rows the outputs read of a table they read one row for one. */
    ShownCount rowsRead(Source source) {
        return shown(rowsReadKey(source));
    }

    /** Rows left out for a reason. */
    ShownCount rows(Exclusion exclusion) {
        return shown(rowsKey(exclusion));
    }

    /** People left out for a reason whose records can be counted as people. */
    ShownCount people(Exclusion exclusion) {
        return shown(peopleKey(exclusion));
    }

    /** An output's rows in. */
    ShownCount rowsIn(Output output) {
        return shown(rowsInKey(output));
    }

    /** An output's rows left out. */
    ShownCount rowsLeftOut(Output output) {
        return shown(rowsLeftOutKey(output));
    }

    private ShownCount shown(CellKey key) {
        DecidedCell cell = decided.get(key);
        if (cell == null) {
            throw new IllegalArgumentException("Cannot show lineage count " + key + ": the run has no such count");
        }
        return ShownCount.of(cell, rules);
    }

    private static CellKey rowsReadKey() {
        return CellKey.of(PLACE, "rows read", Map.of());
    }

    private static CellKey rowsReadKey(Source source) {
        return CellKey.of(PLACE, "rows read", Map.of("table", source.name()));
    }

    private static CellKey rowsKey(Exclusion exclusion) {
        return CellKey.of(PLACE, "rows left out", Map.of("reason", exclusion.reason()));
    }

    private static CellKey peopleKey(Exclusion exclusion) {
        return CellKey.of(PLACE, "people left out", Map.of("reason", exclusion.reason()));
    }

    private static CellKey rowsInKey(Output output) {
        return CellKey.of(PLACE, "rows in", Map.of("output", output.name()));
    }

    private static CellKey rowsLeftOutKey(Output output) {
        return CellKey.of(PLACE, "rows left out", Map.of("output", output.name()));
    }

    /**
     * The counts as cells, each a quantity of its own, the totals the attacker knows beside them, and the relations
     * between them all that the exact counts hold.
     */
    private static final class Table {
        private final Map<CellKey, Cell> cells = new LinkedHashMap<>();
        private final List<KnownTotal> totals = new ArrayList<>();
        private final Map<CellKey, Long> exact = new LinkedHashMap<>();
        private final List<Relation> relations = new ArrayList<>();

        Cell add(CellKey key, long value) {
            // Each its own quantity: no two are totals of one another but as a relation below says.
            Cell cell = Cell.count(key, new Quantity(key.toString(), Additivity.EXACT), value);
            cells.put(key, cell);
            exact.put(key, value);
            return cell;
        }

        /** A total the attacker knows within its interval (a cell whose value is its lowest), exactly {@code value}. */
        Cell known(KnownTotal total, long value) {
            totals.add(total);
            exact.put(total.cell().key(), value);
            return total.cell();
        }

        Cell cell(CellKey key) {
            return cells.get(key);
        }

        /** Relates a total to its parts, where the exact counts hold it (a lineage made up for a test may not). */
        void relate(Cell total, List<Cell> parts, Additivity additivity) {
            long sum = parts.stream().mapToLong(part -> exact.get(part.key())).sum();
            long whole = exact.get(total.key());
            boolean holds = switch (additivity) {
                case EXACT -> whole == sum;
                case AT_LEAST -> whole >= sum;
                case BOUNDED -> throw new IllegalArgumentException("Cannot relate lineage counts as " + additivity);
            };
            if (holds && !parts.isEmpty()) {
                relations.add(new Relation(total, parts, additivity));
            }
        }

        void same(Output first, Output other, Function<Output, CellKey> count) {
            relate(cells.get(count.apply(first)), List.of(cells.get(count.apply(other))), Additivity.EXACT);
        }

        Map<CellKey, DecidedCell> protect(DisclosureRules rules) {
            Map<CellKey, DecidedCell> decided = new LinkedHashMap<>();
            new CellProtection(rules).protect(List.copyOf(cells.values()), List.of(), totals, relations,
                    ReleaseHistory.NONE).cells().forEach(cell -> decided.put(cell.key(), cell));
            return decided;
        }
    }
}
