package org.trex.run;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trex.disclosure.Additivity;
import org.trex.disclosure.Quantity;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedColumn;
import org.trex.plan.PlannedMeasure;
import org.trex.spec.CountOf;

/** What the aggregates' measures count, as the quantities disclosure control relates their cells by. */
final class AggregateQuantities {
    private AggregateQuantities() {
    }

    /**
     * What each measure of each output counts, by output and measure name. Measures that count the same thing
     * (dataset, window, what is counted, flag) share a quantity, so an output grouped by fewer dimensions is a
     * total of one grouped by more; unless the outputs give one dimension name two definitions, when each output
     * keeps its own.
     */
    static Map<String, Map<String, Quantity>> of(List<MeasuredAggregate> aggregates) {
        Map<String, Map<String, String>> definitions = new HashMap<>();
        Map<String, Set<String>> clashes = new HashMap<>();
        for (MeasuredAggregate aggregate : aggregates) {
            for (PlannedMeasure measure : aggregate.output().measures()) {
                String base = base(aggregate.output(), measure);
                Map<String, String> seen = definitions.computeIfAbsent(base, b -> new HashMap<>());
                for (PlannedColumn column : aggregate.output().columns()) {
                    String definition = definition(column);
                    String earlier = seen.putIfAbsent(column.name(), definition);
                    if (earlier != null && !earlier.equals(definition)) {
                        clashes.computeIfAbsent(base, b -> new HashSet<>()).add(column.name());
                    }
                }
            }
        }
        Map<String, Map<String, Quantity>> quantities = new LinkedHashMap<>();
        for (MeasuredAggregate aggregate : aggregates) {
            Map<String, Quantity> byMeasure = new LinkedHashMap<>();
            for (PlannedMeasure measure : aggregate.output().measures()) {
                if (measure.isMean()) {
                    continue;
                }
                String base = base(aggregate.output(), measure);
                String id = clashes.containsKey(base) ? base + " in output " + aggregate.output().name() : base;
                byMeasure.put(measure.name(), new Quantity(id,
                        measure.countOf() == CountOf.PEOPLE ? Additivity.BOUNDED : Additivity.EXACT));
            }
            quantities.put(aggregate.output().name(), byMeasure);
        }
        return quantities;
    }

    private static String base(OutputPlan output, PlannedMeasure measure) {
        String what = measure.spec().sum().map(field -> "sum of " + field).orElse(measure.countOf().yamlName());
        String plain = what + " of " + output.output().dataset() + " " + output.output().window();
        return measure.whereField().map(flag -> plain + flagged(flag)).orElse(plain);
    }

    /** How a quantity's ID names the flag its measure counts with, after the ID of the same count without one. */
    static String flagged(String flag) {
        return " where " + flag;
    }

    /** What a dimension column of an output is: two outputs that give one name two of these group differently. */
    static String definition(PlannedColumn column) {
        return column.sourceField() + " as " + column.form().yamlName();
    }
}
