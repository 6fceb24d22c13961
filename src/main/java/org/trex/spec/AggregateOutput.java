package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Counts by groups, fit to leave the TRE once the policy's suppression and rounding are applied; with totals over
 * the group columns named in {@code totals} (every combination of them, the grand total included).
 */
public record AggregateOutput(
        String name, String dataset, RelativeWindow window, List<FieldSpec> groupBy, List<MeasureSpec> measures,
        List<String> totals) implements OutputSpec {

    public AggregateOutput {
        Names.requireIdentifier(name, "output name");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(window, "window is null");
        groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
        measures = List.copyOf(requireNonNull(measures, "measures is null"));
        totals = requireTotals(name, groupBy, totals);
        if (measures.isEmpty()) {
            throw new IllegalArgumentException("Cannot use output " + name + ": it has no measures");
        }
        Set<String> names = new HashSet<>();
        Stream.concat(groupBy.stream().map(FieldSpec::name), measures.stream().map(MeasureSpec::name))
                .forEach(column -> {
                    if (!names.add(column)) {
                        throw new IllegalArgumentException("Cannot use output " + name + ": column " + column
                                + " appears twice");
                    }
                });
        for (FieldSpec field : groupBy) {
            if (field.form() == FieldForm.PSEUDONYM) {
                throw new IllegalArgumentException("Cannot group output " + name + " by " + field.name()
                        + ": a pseudonym makes every group one person");
            }
        }
    }

    /** Counts by groups without totals. */
    public AggregateOutput(String name, String dataset, RelativeWindow window, List<FieldSpec> groupBy,
            List<MeasureSpec> measures) {
        this(name, dataset, window, groupBy, measures, List.of());
    }

    /** The totals as given, when each names a group column once. */
    static List<String> requireTotals(String output, List<FieldSpec> groupBy, List<String> totals) {
        requireNonNull(totals, "totals is null");
        List<String> columns = groupBy.stream().map(FieldSpec::name).toList();
        Set<String> seen = new HashSet<>();
        for (String total : totals) {
            if (!columns.contains(total)) {
                throw new IllegalArgumentException("Cannot total output " + output + " over " + total
                        + ": it is not a group_by column, expected one of " + columns);
            }
            if (!seen.add(total)) {
                throw new IllegalArgumentException("Cannot total output " + output + " over " + total + " twice");
            }
        }
        return List.copyOf(totals);
    }
}
