package org.trex.spec;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Counts by groups, fit to leave the TRE once the policy's suppression and rounding are applied. */
public record AggregateOutput(
        String name, String dataset, RelativeWindow window, List<FieldSpec> groupBy, List<MeasureSpec> measures)
        implements OutputSpec {

    public AggregateOutput {
        Names.requireIdentifier(name, "output name");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(window, "window is null");
        groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
        measures = List.copyOf(requireNonNull(measures, "measures is null"));
        if (measures.isEmpty()) {
            throw new IllegalArgumentException("Cannot use output " + name + ": it has no measures");
        }
        Set<String> names = new HashSet<>();
        Stream.concat(groupBy.stream().map(FieldSpec::name), measures.stream().map(MeasureSpec::name))
                .forEach(column -> {
                    if (!names.add(column)) {
                        throw new IllegalArgumentException("Cannot use output " + name + ": column " + column + " appears twice");
                    }
                });
        for (FieldSpec field : groupBy) {
            if (field.form() == FieldForm.PSEUDONYM) {
                throw new IllegalArgumentException("Cannot group output " + name + " by " + field.name()
                        + ": a pseudonym makes every group one person");
            }
        }
    }
}
