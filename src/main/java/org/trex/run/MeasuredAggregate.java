package org.trex.run;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.grouping_id;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.trex.disclosure.Cell;
import org.trex.disclosure.Contributions;
import org.trex.disclosure.CellKey;
import org.trex.disclosure.DecidedCell;
import org.trex.disclosure.ProtectedCells;
import org.trex.disclosure.Quantity;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedColumn;
import org.trex.plan.PlannedMeasure;
import org.trex.spec.AggregateOutput;
import org.trex.spec.CountOf;
import org.trex.spec.MeasureKind;

/**
 * An aggregate output as measured, before disclosure control: one row per group and per total (each row's
 * dimension values, its true counts, the rows it used, and which dimensions it totals over), the rows read and
 * left out, and where its people were counted (for the run's count of people). {@link #measure} measures it in
 * Spark; it turns its rows into cells for the disclosure core and, once they are decided, into the rows released.
 */
record MeasuredAggregate(OutputPlan output, List<String> dimensions, List<String> totals, StructType dimensionTypes,
        List<Row> rows, Map<String, List<Row>> contributions, List<ExclusionCount> excluded, long read, long used,
        List<Path> people) {
    /** The contributions to a sum no row contributed to. */
    private static final Contributions NONE = new Contributions(List.of());

    /** What a total row holds in the columns it totals over. */
    static final String TOTAL = "Total";
    /** The column of the person's pseudonym in the rows an aggregate measures: a count key, never written. */
    static final String PERSON = "trex_person";
    private static final String ROWS_USED = "trex_rows_used";
    private static final String GROUPING = "trex_grouping";
    private static final String CONTRIBUTOR = "trex_contributor";
    private static final String CONTRIBUTED = "trex_contributed";

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

    /**
     * The cells of the groups no row fell in, and of the totals over none: the table lists them, their counts zero
     * (see {@link #completed}), for disclosure control to decide like any other.
     */
    Set<CellKey> cellsOfEmptyGroups() {
        int rowsUsed = dimensions.size() + output.measures().size();
        Set<CellKey> empty = new LinkedHashSet<>();
        for (Row row : rows) {
            if (row.getLong(rowsUsed) == 0) {
                output.measures().stream().filter(m -> !m.isMean()).forEach(m -> empty.add(key(row, m)));
            }
        }
        return empty;
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

    /**
     * The rows as released: Total where a row totals over a dimension, each count as decided (null when suppressed);
     * in the order of each dimension's values as its list gives them (bands shortest first, months in turn), a blank
     * first and a Total after its values, values beyond a list after it in their text's order.
     */
    List<Row> released(ProtectedCells decided) {
        Map<CellKey, DecidedCell> byKey = new LinkedHashMap<>();
        decided.of(output.name()).forEach(c -> byKey.put(c.key(), c));
        List<Row> released = new ArrayList<>();
        for (Row row : rows.stream().sorted(listOrder()).toList()) {
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
                    values[dimensions.size() + m] =
                            mean(row, dimensions.size() + m, byKey.get(key(row, countOf(measure))));
                } else {
                    values[dimensions.size() + m] = byKey.get(key(row, measure)).released().orElse(null);
                }
            }
            released.add(RowFactory.create(values));
        }
        return released;
    }

    /** Measured rows by each dimension in turn, as {@link #released} lays them out. */
    private Comparator<Row> listOrder() {
        Comparator<Row> order = (a, b) -> 0;
        for (int i = 0; i < dimensions.size(); i++) {
            int dimension = i;
            List<String> listed = output.columns().get(i).values().orElse(List.of());
            Comparator<Row> place = Comparator.comparingInt(row -> totalledIn(row).get(dimension) ? 2
                    : row.isNullAt(dimension) ? -1 : listed.contains(String.valueOf(row.get(dimension))) ? 0 : 1);
            order = order.thenComparing(place)
                    .thenComparingInt(row -> row.isNullAt(dimension) ? -1
                            : listed.indexOf(String.valueOf(row.get(dimension))))
                    .thenComparing(row -> row.isNullAt(dimension) || totalledIn(row).get(dimension) ? ""
                            : String.valueOf(row.get(dimension)));
        }
        return order;
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
            fields.add(totals.contains(field.name())
                    ? DataTypes.createStructField(field.name(), DataTypes.StringType, true) : field);
        }
        output.measures().forEach(m -> fields.add(DataTypes.createStructField(m.name(),
                m.isMean() ? DataTypes.DoubleType : DataTypes.LongType, true)));
        return new StructType(fields.toArray(StructField[]::new));
    }

    /**
     * Counts each group, and each total the spec asks for, in one pass (Spark's grouping sets); nothing is released
     * yet. {@code kept} holds the output's columns, its measure columns and {@link #PERSON}.
     * {@code peopleCounted} are the files of its people when another aggregate of the same rows counted them already.
     */
    static MeasuredAggregate measure(OutputPlan output, Dataset<Row> kept, ExclusionTally tally, OutputWriter writer,
            int largest, Optional<List<Path>> peopleCounted) {
        List<String> groups = output.columns().stream().map(PlannedColumn::name).toList();
        List<String> totals = ((AggregateOutput) output.output()).totals();
        List<Column> measures = new ArrayList<>();
        for (PlannedMeasure measure : output.measures()) {
            if (measure.kind() == MeasureKind.SUM) {
                measures.add(coalesce(round(sum(summed(measure))), lit(0)).cast(DataTypes.LongType).as(measure.name()));
                continue;
            }
            if (measure.isMean()) {
                // Rows outside the filter give null, which avg leaves out like a blank value.
                Column value = col(measure.meanColumn().orElseThrow());
                measures.add(avg(measure.whereColumn().map(w -> when(col(w), value)).orElse(value)).as(measure.name()));
                continue;
            }
            Column counted = measure.whereColumn()
                    .map(w -> measure.countOf() == CountOf.PEOPLE
                            ? countDistinct(when(col(w), col(PERSON)))
                            : count(when(col(w), lit(1))))
                    .orElseGet(() -> measure.countOf() == CountOf.PEOPLE ? countDistinct(col(PERSON)) : count(lit(1)));
            measures.add(counted.as(measure.name()));
        }
        // The rows each group used, to reconcile; never released.
        measures.add(count(lit(1)).as(ROWS_USED));
        Dataset<Row> grouped = grouped(kept, groups, totals, List.of(), measures);
        // Kept once when read again (to count the people, or the largest contributions), so the later passes read
        // the source no second time; read once, it is not kept, and Spark computes only the columns the counts use.
        boolean readAgain = peopleCounted.isEmpty()
                || output.measures().stream().anyMatch(measure -> measure.kind() == MeasureKind.SUM);
        if (readAgain) {
            kept.persist(StorageLevel.MEMORY_AND_DISK());
        }
        List<Row> rows;
        List<Path> people;
        Map<String, List<Row>> contributions = new LinkedHashMap<>();
        try {
            rows = inOrder(EmptyGroupRows.completed(output, grouped.schema(), grouped.collectAsList(), totals),
                    groups.size());
            for (PlannedMeasure measure : output.measures()) {
                if (measure.kind() == MeasureKind.SUM) {
                    contributions.put(measure.name(), largestContributions(measure, kept, groups, totals, largest));
                }
            }
            people = peopleCounted.orElseGet(() -> writer.countPeople(output.name(), kept, PERSON));
        } finally {
            kept.unpersist();
        }
        List<ExclusionCount> excluded = tally.counts();
        int rowsUsed = groups.size() + output.measures().size();
        // Only the groups themselves reconcile with the rows read; totals count them again.
        long used = rows.stream().filter(row -> row.getLong(row.length() - 1) == 0)
                .mapToLong(row -> row.getLong(rowsUsed)).sum();
        long read = used + excluded.stream().mapToLong(ExclusionCount::rows).sum();
        StructType dimensionTypes = new StructType(Arrays.stream(grouped.schema().fields())
                .filter(f -> groups.contains(f.name())).toArray(StructField[]::new));
        return new MeasuredAggregate(output, groups, totals, dimensionTypes, rows, contributions, excluded, read, used,
                people);
    }

    /**
     * The measured rows in one order, whatever order Spark's partitions gave them in (a cluster's differ from one
     * machine's): groups first, then each total, each by its values. Disclosure control takes the cells in this order.
     */
    private static List<Row> inOrder(List<Row> rows, int dimensions) {
        Comparator<Row> order = Comparator.comparingLong(row -> row.getLong(row.length() - 1));
        for (int i = 0; i < dimensions; i++) {
            int column = i;
            order = order.thenComparing(row -> row.isNullAt(column) ? null : String.valueOf(row.get(column)),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        return rows.stream().sorted(order).toList();
    }

    /** The values a sum adds up: its field, on the rows its flag selects. */
    private static Column summed(PlannedMeasure measure) {
        Column value = col(measure.sumColumn().orElseThrow());
        return measure.whereColumn().map(w -> when(col(w), value)).orElse(value);
    }

    /**
     * The largest contributions to each cell of a sum, largest first, for the dominance rules: each contributor's
     * (provider's, or person's) part of the cell, in rows laid out as the measured rows are (group columns, the
     * contributions, the grouping ID). A contributor in several groups contributes its whole part to a total.
     */
    private static List<Row> largestContributions(PlannedMeasure measure, Dataset<Row> kept, List<String> groups,
            List<String> totals, int largest) {
        Dataset<Row> rows = kept.withColumn(CONTRIBUTOR, col(measure.byColumn().orElse(PERSON)));
        Column part = round(sum(summed(measure))).cast(DataTypes.LongType).as(CONTRIBUTED);
        Dataset<Row> byContributor = grouped(rows, groups, totals, List.of(CONTRIBUTOR), List.of(part));
        List<Column> cell = new ArrayList<>(List.of(cols(groups)));
        cell.add(col(GROUPING));
        Column top = slice(sort_array(collect_list(col(CONTRIBUTED)), false), 1, largest).as(CONTRIBUTED);
        List<Column> layout = new ArrayList<>(List.of(cols(groups)));
        layout.add(col(CONTRIBUTED));
        layout.add(col(GROUPING));
        return byContributor.groupBy(cell.toArray(Column[]::new)).agg(top).select(layout.toArray(Column[]::new))
                .collectAsList();
    }

    /**
     * The rows grouped by {@code groups} and {@code always}, with {@link #GROUPING}, the cell's grouping ID (the
     * always-grouped columns' bits, the lowest, shifted off), and a grouping set for each total. Without totals, one
     * plain grouping: grouping sets would expand every row for it, and Spark would exchange the rows after that.
     */
    private static Dataset<Row> grouped(Dataset<Row> rows, List<String> groups, List<String> totals,
            List<String> always, List<Column> aggregates) {
        List<String> by = new ArrayList<>(groups);
        by.addAll(always);
        Column first = aggregates.get(0);
        List<Column> rest = new ArrayList<>(aggregates.subList(1, aggregates.size()));
        if (totals.isEmpty()) {
            return rows.groupBy(cols(by)).agg(first, rest.toArray(Column[]::new)).withColumn(GROUPING, lit(0L));
        }
        rest.add(shiftright(grouping_id(), always.size()).cast(DataTypes.LongType).as(GROUPING));
        return rows.groupingSets(groupingSets(groups, totals, always), cols(by))
                .agg(first, rest.toArray(Column[]::new));
    }

    /** The groups, then each total: the groups without one combination of the totalled columns; each with always. */
    private static scala.collection.immutable.Seq<scala.collection.immutable.Seq<Column>> groupingSets(
            List<String> groups, List<String> totals, List<String> always) {
        List<scala.collection.immutable.Seq<Column>> sets = new ArrayList<>();
        for (int mask = 0; mask < 1 << totals.size(); mask++) {
            List<String> kept = new ArrayList<>(groups);
            kept.addAll(always);
            for (int i = 0; i < totals.size(); i++) {
                if ((mask >> i & 1) == 1) {
                    kept.remove(totals.get(i));
                }
            }
            sets.add(scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(cols(kept))).toList());
        }
        return scala.jdk.javaapi.CollectionConverters.asScala(sets).toList();
    }

    private static Column[] cols(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}
