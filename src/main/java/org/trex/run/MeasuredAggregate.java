package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.trex.disclosure.Cell;
import org.trex.disclosure.Contributions;
import org.trex.disclosure.CellKey;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.ProtectedCells;
import org.trex.disclosure.Quantity;
import org.trex.disclosure.Additivity;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedColumn;
import org.trex.plan.PlannedMeasure;
import org.trex.spec.CountOf;
import org.trex.spec.MeasureKind;

/**
 * An aggregate output as measured, before disclosure control: one row per group and per total (each row's
 * dimension values, its true counts, the rows it used, and which dimensions it totals over), the rows read and
 * left out, and where its people were counted (for the run's count of people). It turns its rows into cells for the disclosure core and, once they are decided, into the rows released.
 */
record MeasuredAggregate(OutputPlan output, List<String> dimensions, List<String> totals, StructType dimensionTypes,
        List<Row> rows, Map<String, List<Row>> contributions, List<ExclusionCount> excluded, long read, long used,
        List<Path> people) {
    /** The contributions to a sum no row contributed to. */
    private static final Contributions NONE = new Contributions(List.of());

    /** What a total row holds in the columns it totals over. */
    static final String TOTAL = "Total";

    MeasuredAggregate {
        requireNonNull(output, "output is null");
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        totals = List.copyOf(requireNonNull(totals, "totals is null"));
        requireNonNull(dimensionTypes, "dimensionTypes is null");
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        contributions = Map.copyOf(requireNonNull(contributions, "contributions is null"));
        excluded = List.copyOf(requireNonNull(excluded, "excluded is null"));
        people = List.copyOf(requireNonNull(people, "people is null"));
    }

    /**
     * Each row's dimensions it totals over, from Spark's grouping ID (a bit per dimension, the first the highest,
     * set when the row totals over it), kept as the row's last column.
     */
    private BitSet totalledIn(Row row) {
        long id = row.getLong(row.length() - 1);
        BitSet totalled = new BitSet();
        for (int i = 0; i < dimensions.size(); i++) {
            if ((id >> (dimensions.size() - 1 - i) & 1) == 1) {
                totalled.set(i);
            }
        }
        return totalled;
    }

    /**
     * The cells of every measure in every row, as the disclosure core takes them: a sum with its largest
     * contributions (kept by measure in rows laid out as the measured rows, the contributions in the value's place).
     */
    List<Cell> cells(Map<String, Quantity> quantityByMeasure) {
        Map<CellKey, Contributions> largest = new HashMap<>();
        contributions.forEach((name, parts) -> {
            PlannedMeasure measure = output.measures().stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow();
            parts.forEach(part -> largest.put(key(part, measure), new Contributions(part.getList(dimensions.size()))));
        });
        List<Cell> cells = new ArrayList<>();
        for (Row row : rows) {
            for (int m = 0; m < output.measures().size(); m++) {
                PlannedMeasure measure = output.measures().get(m);
                if (measure.isMean()) {
                    continue;
                }
                CellKey key = key(row, measure);
                Optional<Contributions> parts = measure.kind() == MeasureKind.SUM
                        ? Optional.of(largest.getOrDefault(key, NONE))
                        : Optional.empty();
                long value = row.getLong(dimensions.size() + m);
                cells.add(new Cell(key, quantityByMeasure.get(measure.name()), value, parts));
            }
        }
        return cells;
    }

    private CellKey key(Row row, PlannedMeasure measure) {
        BitSet totalled = totalledIn(row);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < dimensions.size(); i++) {
            if (!totalled.get(i)) {
                values.put(dimensions.get(i), row.isNullAt(i) ? null : String.valueOf(row.get(i)));
            }
        }
        return CellKey.of(output.name(), measure.name(), values);
    }

    /** The rows as released: Total where a row totals over a dimension, each count as decided (null when suppressed). */
    List<Row> released(ProtectedCells decided) {
        Map<CellKey, DecidedCell> byKey = new LinkedHashMap<>();
        decided.of(output.name()).forEach(c -> byKey.put(c.key(), c));
        List<Row> released = new ArrayList<>();
        for (Row row : rows) {
            BitSet totalled = totalledIn(row);
            Object[] values = new Object[dimensions.size() + output.measures().size()];
            for (int i = 0; i < dimensions.size(); i++) {
                Object value = row.get(i);
                boolean text = totals.contains(dimensions.get(i));
                values[i] = totalled.get(i) ? TOTAL : text && value != null ? String.valueOf(value) : value;
            }
            for (int m = 0; m < output.measures().size(); m++) {
                PlannedMeasure measure = output.measures().get(m);
                // Not a conditional expression: it would unbox a blank count to a number.
                if (measure.isMean()) {
                    values[dimensions.size() + m] = mean(row, dimensions.size() + m, byKey.get(key(row, countOf(measure))));
                } else {
                    values[dimensions.size() + m] = byKey.get(key(row, measure)).released().orElse(null);
                }
            }
            released.add(RowFactory.create(values));
        }
        return released;
    }

    /** A mean as released: blank where the count of the records it is over is suppressed, else to 1 decimal place. */
    private static Double mean(Row row, int column, DecidedCell count) {
        if (row.isNullAt(column) || count.released().isEmpty()) {
            return null;
        }
        return BigDecimal.valueOf(row.getDouble(column)).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** The count the validator made sure a mean has beside it: of the same records. */
    private PlannedMeasure countOf(PlannedMeasure mean) {
        return output.measures().stream()
                .filter(m -> m.kind() == MeasureKind.COUNT && m.countOf() == CountOf.RECORDS
                        && m.whereField().equals(mean.whereField()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Cannot release mean " + mean.name() + ": output "
                        + output.name() + " has no count of its records"));
    }

    /** The released table's columns: a dimension with totals becomes text (it holds Total), counts are longs. */
    StructType releasedSchema() {
        List<StructField> fields = new ArrayList<>();
        for (StructField field : dimensionTypes.fields()) {
            fields.add(totals.contains(field.name()) ? DataTypes.createStructField(field.name(), DataTypes.StringType, true) : field);
        }
        output.measures().forEach(m -> fields.add(DataTypes.createStructField(m.name(),
                m.isMean() ? DataTypes.DoubleType : DataTypes.LongType, true)));
        return new StructType(fields.toArray(StructField[]::new));
    }

    /**
     * What each measure of each output counts, by output and measure name. Measures that count the same thing
     * (dataset, window, what is counted, flag) share a quantity, so an output grouped by fewer dimensions is a
     * total of one grouped by more; unless the outputs give one dimension name two definitions, when each output
     * keeps its own.
     */
    static Map<String, Map<String, Quantity>> quantities(List<MeasuredAggregate> aggregates) {
        Map<String, Map<String, String>> definitions = new HashMap<>();
        Map<String, Set<String>> clashes = new HashMap<>();
        for (MeasuredAggregate aggregate : aggregates) {
            for (PlannedMeasure measure : aggregate.output().measures()) {
                String base = base(aggregate.output(), measure);
                Map<String, String> seen = definitions.computeIfAbsent(base, b -> new HashMap<>());
                for (PlannedColumn column : aggregate.output().columns()) {
                    String definition = column.sourceField() + " as " + column.form().yamlName();
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
        return what + " of " + output.output().dataset() + " " + output.output().window()
                + measure.whereField().map(w -> " where " + w).orElse("");
    }
}
