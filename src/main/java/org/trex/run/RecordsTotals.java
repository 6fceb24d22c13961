package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.trex.disclosure.Interval;
import org.trex.disclosure.KnownTotal;
import org.trex.disclosure.Quantity;
import org.trex.disclosure.SmallCounts;
import org.trex.plan.PlannedMeasure;
import org.trex.spec.CountOf;
import org.trex.spec.MeasureKind;
import org.trex.spec.OutputSpec;

/**
 * The totals of the aggregates' counts that a records output of the same rows shows anyway, for disclosure control to
 * protect against ({@link KnownTotal}): outputs of one dataset and window hold the same rows, whichever read they take
 * them from, so an aggregate's count of its rows (no flag) totals to the records output's rows, which anyone counts in
 * its file, and its count of people to the pseudonyms there. Where disclosure control dropped records, or could blank
 * the pseudonyms, the file only bounds the people, and the bound is what the attacker is taken to know.
 */
final class RecordsTotals {
    /** What a records output's person column holds. */
    enum PersonColumn {
        /** The pseudonym of each row's own NHS number, never blanked: one distinct value a person of its rows. */
        OWN_NUMBER,
        /** Each row's own pseudonym, but a quasi-identifier disclosure control may blank: no more than its people. */
        BLANKABLE,
        /** None, or another identifier's pseudonym: it says nothing of the people counted. */
        NONE
    }

    /** A records output of a shared read as released, and what its person column holds. */
    record Released(OutputResult result, PersonColumn person) {
        Released {
            requireNonNull(result, "result is null");
            requireNonNull(person, "person is null");
        }
    }

    private RecordsTotals() {
    }

    /**
     * The totals an attacker knows of each aggregate's counts, from each records output of the same dataset and
     * window: a count without a flag totals to its rows or people, and a count with one to no more than those. A
     * records output whose rows, before disclosure control dropped any, are not as many as the aggregate used holds
     * other rows than the attacker takes it to (a spec the planner reads differently): it tells nothing of the
     * aggregate's total.
     */
    static List<KnownTotal> of(List<MeasuredAggregate> aggregates, Map<String, Map<String, Quantity>> quantities,
            List<Released> records) {
        Map<List<String>, KnownTotal> totals = new LinkedHashMap<>();
        Map<String, Long> people = new HashMap<>();
        for (MeasuredAggregate aggregate : aggregates) {
            OutputSpec counted = aggregate.output().output();
            List<Released> beside = records.stream().filter(r -> sameRows(r.result().plan().output(), counted)
                    && r.result().rowsUsed() + droppedRows(r.result()) == aggregate.used()).toList();
            List<PlannedMeasure> counts = aggregate.output().measures().stream()
                    .filter(m -> m.kind() == MeasureKind.COUNT).toList();
            for (Released released : beside) {
                for (PlannedMeasure measure : counts) {
                    Quantity quantity = quantities.get(counted.name()).get(measure.name());
                    String output = released.result().plan().name();
                    known(released, measure.countOf(), people)
                            .flatMap(interval -> measure.whereField().isEmpty() ? Optional.of(interval)
                                    : atMost(interval, measure, counts))
                            .ifPresent(interval -> totals.putIfAbsent(List.of(output, quantity.id()),
                                    new KnownTotal(output, quantity, interval)));
                }
            }
        }
        return List.copyOf(totals.values());
    }

    /**
     * The totals an attacker knows of each aggregate's counts of records from its lineage, where no records output
     * tells them already ({@code fromRecords}, exact): the rows it counted are its rows in less its rows left out, each
     * shown through {@code rules} (rounded, or at most the threshold), so they lie between the least and the most
     * those two shown counts allow. A count with a flag, where the aggregate has none without one, is at most that.
     */
    static List<KnownTotal> shownInLineage(List<MeasuredAggregate> aggregates,
            Map<String, Map<String, Quantity>> quantities, SmallCounts rules, List<KnownTotal> fromRecords) {
        Set<Quantity> known = new HashSet<>();
        fromRecords.forEach(total -> known.add(total.quantity()));
        Map<Quantity, KnownTotal> totals = new LinkedHashMap<>();
        for (MeasuredAggregate aggregate : aggregates) {
            String name = aggregate.output().name();
            Interval in = rules.behind(rules.release(aggregate.read()));
            Interval leftOut = rules.behind(rules.release(aggregate.read() - aggregate.used()));
            Interval counted = new Interval(Math.max(0, in.lower() - leftOut.upper()), in.upper() - leftOut.lower());
            List<PlannedMeasure> counts = aggregate.output().measures().stream()
                    .filter(m -> m.kind() == MeasureKind.COUNT).toList();
            for (PlannedMeasure measure : counts) {
                Quantity quantity = quantities.get(name).get(measure.name());
                if (measure.countOf() != CountOf.RECORDS || known.contains(quantity)) {
                    continue;
                }
                (measure.whereField().isEmpty() ? Optional.of(counted) : atMost(counted, measure, counts))
                        .ifPresent(interval -> totals.putIfAbsent(quantity,
                                new KnownTotal(name, quantity, interval, KnownTotal.Shown.IN_THE_LINEAGE)));
            }
        }
        return List.copyOf(totals.values());
    }

    /**
     * What the records output tells of a count with a flag: at most all its rows (or people). Where the aggregate
     * counts them without a flag too, that count's total is known and the flagged count is part of it ({@link
     * MeasureWholes}), which says as much; where it does not, the flagged count's own total is known to be no more.
     */
    private static Optional<Interval> atMost(Interval all, PlannedMeasure flagged, List<PlannedMeasure> counts) {
        boolean whole = counts.stream().anyMatch(m -> m.whereField().isEmpty() && m.countOf() == flagged.countOf());
        return whole || Double.isInfinite(all.upper()) ? Optional.empty() : Optional.of(new Interval(0, all.upper()));
    }

    /** Whether two outputs hold the same rows: those of one dataset in one window around the cohort's index events. */
    private static boolean sameRows(OutputSpec one, OutputSpec other) {
        return one.dataset().equals(other.dataset()) && one.window().equals(other.window());
    }

    /** The records disclosure control dropped from a records output. */
    private static long droppedRows(OutputResult result) {
        return result.excluded().stream().filter(c -> c.reason().equals(ExclusionCount.DISCLOSURE_SUPPRESSED))
                .mapToLong(ExclusionCount::rows).sum();
    }

    /**
     * What the records output's file and lineage say of the rows or people counted: exactly, within a range, or
     * nothing. The lineage says how many records disclosure control dropped ("then dropped 2 records still below
     * k"), so their rows are known exactly, though not whose they were.
     */
    private static Optional<Interval> known(Released released, CountOf counted, Map<String, Long> people) {
        OutputResult result = released.result();
        long dropped = droppedRows(result);
        if (counted == CountOf.RECORDS) {
            long rows = result.rowsWritten() + dropped;
            return Optional.of(new Interval(rows, rows));
        }
        if (released.person() == PersonColumn.NONE || result.people().isEmpty() && result.rowsWritten() > 0) {
            return Optional.empty();
        }
        long seen = people.computeIfAbsent(result.plan().name(), output -> distinctPeople(output, result.people()));
        if (released.person() == PersonColumn.BLANKABLE) {
            // A blanked pseudonym may be anyone's: the file shows at least this many people, and no most.
            return Optional.of(new Interval(seen, Double.POSITIVE_INFINITY));
        }
        // Each record dropped may have been the only one of its person.
        return Optional.of(new Interval(seen, seen + dropped));
    }

    /**
     * The people in an output's people files, one line a person: each person is in one file only, as staging sorts
     * the rows on the person's pseudonym, so the lines are counted and no pseudonym is held.
     */
    private static long distinctPeople(String output, List<Path> files) {
        long people = 0;
        for (Path file : files) {
            try (Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
                people += lines.count();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot count the people of output " + output + " in " + file + ": "
                        + e.getMessage(), e);
            }
        }
        return people;
    }
}
