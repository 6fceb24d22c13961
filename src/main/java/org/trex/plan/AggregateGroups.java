package org.trex.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trex.spec.AggregateOutput;
import org.trex.spec.ZeroCounts;

/**
 * The groups an aggregate output lists, in words for the board: every combination of its group columns' values,
 * those no one has too (a column's fixed list where it has one, else the values found in the data); and a warning
 * where a zero can still be inferred, from a value no one has of a column without a fixed list.
 */
public final class AggregateGroups {
    private AggregateGroups() {
    }

    /** "every combination of delay_band (7 listed values: 0, 1, ...) and ...", or empty for an ungrouped output. */
    public static Optional<String> words(OutputPlan output) {
        if (!(output.output() instanceof AggregateOutput) || output.columns().isEmpty()) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        for (PlannedColumn column : output.columns()) {
            columns.add(column.name() + column.values()
                    .map(v -> " (" + v.size() + " listed values: " + String.join(", ", v) + ")")
                    .orElse(" (the values found in the data)"));
        }
        return Optional.of("every combination of " + String.join(" and ", columns) + ", each listed whether or not"
                + " anyone is in it (a blank value too where the data hold one); an empty group's zero is decided"
                + " like any other count");
    }

    /** Where zeros are disclosive, the warning of each grouped aggregate with a column that has no fixed list. */
    static List<String> warnings(ExtractPlan plan) {
        if (plan.policy().disclosure().zeros() != ZeroCounts.DISCLOSIVE) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        for (OutputPlan output : plan.outputs()) {
            if (!(output.output() instanceof AggregateOutput)) {
                continue;
            }
            List<String> unlisted = output.columns().stream().filter(c -> c.values().isEmpty())
                    .map(PlannedColumn::name).toList();
            if (!unlisted.isEmpty()) {
                warnings.add("Output " + output.name() + " groups by " + String.join(", ", unlisted) + ", whose "
                        + "values are not a fixed list: a value no one in the extract has is not listed, so a reader "
                        + "who knows it may infer its zero, which the policy holds disclosive; group by a form with a "
                        + "fixed list (codes, bands, months of the cohort's window) where that matters");
            }
        }
        return warnings;
    }
}
