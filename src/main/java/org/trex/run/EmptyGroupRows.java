package org.trex.run;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.trex.disclosure.GroupGrid;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedColumn;

/**
 * The rows an aggregate's measuring adds for the groups of its table no row fell in ({@link GroupGrid}), laid out as
 * {@link MeasuredAggregate} measures rows: group values, measures, rows used, grouping ID.
 */
final class EmptyGroupRows {
    private EmptyGroupRows() {
    }

    /**
     * The measured rows, and a row of zeros (a blank mean) for each group of the table's grid ({@link GroupGrid})
     * that no row fell in, in the groups and in each total: an empty group is published, as disclosure control
     * decides its zero, rather than left out for a reader to infer.
     */
    static List<Row> completed(OutputPlan output, StructType schema, List<Row> measured,
            List<String> totals) {
        List<String> groups = output.columns().stream().map(PlannedColumn::name).toList();
        List<Optional<List<Object>>> listed = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            DataType type = schema.fields()[i].dataType();
            listed.add(output.columns().get(i).values().map(values -> values.stream()
                    .map(value -> typed(value, type, output)).toList()));
        }
        Map<Long, List<List<Object>>> byGrouping = new HashMap<>();
        for (Row row : measured) {
            List<Object> group = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                group.add(row.get(i));
            }
            byGrouping.computeIfAbsent(row.getLong(row.length() - 1), id -> new ArrayList<>()).add(group);
        }
        GroupGrid grid = GroupGrid.of(output.name(), groups, listed, byGrouping.getOrDefault(0L, List.of()));
        List<Row> completed = new ArrayList<>(measured);
        for (int mask = 0; mask < 1 << totals.size(); mask++) {
            BitSet totalled = new BitSet();
            long grouping = 0;
            for (int t = 0; t < totals.size(); t++) {
                if ((mask >> t & 1) == 1) {
                    int dimension = groups.indexOf(totals.get(t));
                    totalled.set(dimension);
                    grouping |= 1L << (groups.size() - 1 - dimension);
                }
            }
            for (List<Object> group : grid.missing(totalled, byGrouping.getOrDefault(grouping, List.of()))) {
                completed.add(empty(output, group, grouping));
            }
        }
        return completed;
    }

    /** A listed value as the group column's type holds it: text, or a flag's true or false. */
    private static Object typed(String value, DataType type, OutputPlan output) {
        if (type.equals(DataTypes.StringType)) {
            return value;
        }
        if (type.equals(DataTypes.BooleanType)) {
            return Boolean.valueOf(value);
        }
        throw new IllegalStateException("Cannot list the groups of output " + output.name() + ": a group column of "
                + type.simpleString() + " has a list of values, expected text or a flag");
    }

    /** The measured row of a group no row fell in: zero counts and sums, a blank mean, no rows used. */
    private static Row empty(OutputPlan output, List<Object> group, long grouping) {
        List<Object> values = new ArrayList<>(group);
        output.measures().forEach(measure -> values.add(measure.isMean() ? null : 0L));
        values.add(0L);
        values.add(grouping);
        return RowFactory.create(values.toArray());
    }
}
