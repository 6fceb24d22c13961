package org.trex.run;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

/**
 * The classes of equal quasi-identifier values in an output's rows, each with its values and its size: what
 * k-anonymity measures, and what suppression needs to blank the classes below k with no pass over the rows of its
 * own (a broadcast of the small classes' values, joined on the way to staging).
 */
final class QuasiIdentifierClasses {
    /** Marks, in a joined row, that its class loses its values; never written. */
    private static final String SUPPRESSED = "trex_suppressed";
    private static final String SMALL_PREFIX = "trex_small_";

    private final StructType schema;
    private final List<Row> values;
    private final List<Long> sizes;

    private QuasiIdentifierClasses(StructType schema, List<Row> values, List<Long> sizes) {
        this.schema = requireNonNull(schema, "schema is null");
        this.values = List.copyOf(requireNonNull(values, "values is null"));
        this.sizes = List.copyOf(requireNonNull(sizes, "sizes is null"));
        if (this.values.size() != this.sizes.size()) {
            throw new IllegalArgumentException("Cannot describe " + this.values.size() + " classes with "
                    + this.sizes.size() + " sizes");
        }
    }

    /**
     * The classes staging counted: each key is an unsafe row of the quasi-identifiers' values, of {@code schema}
     * (the quasi-identifier columns in order). Decoded on the driver, where the session's date types apply.
     */
    static QuasiIdentifierClasses ofKeys(StructType schema, Map<ByteBuffer, Long> counted) {
        requireNonNull(schema, "schema is null");
        requireNonNull(counted, "counted is null");
        Function1<Object, Object> toRow = CatalystTypeConverters.createToScalaConverter(schema);
        List<Row> values = new ArrayList<>(counted.size());
        List<Long> sizes = new ArrayList<>(counted.size());
        for (Map.Entry<ByteBuffer, Long> entry : counted.entrySet()) {
            byte[] key = new byte[entry.getKey().remaining()];
            entry.getKey().duplicate().get(key);
            UnsafeRow row = new UnsafeRow(schema.length());
            row.pointTo(key, key.length);
            values.add((Row) toRow.apply(row));
            sizes.add(entry.getValue());
        }
        return new QuasiIdentifierClasses(schema, values, sizes);
    }

    /** The classes of {@code rows} on the {@code columns}, counted by one grouping. */
    static QuasiIdentifierClasses count(Dataset<Row> rows, List<String> columns) {
        requireNonNull(rows, "rows is null");
        requireNonNull(columns, "columns is null");
        StructType schema = new StructType(columns.stream().map(c -> rows.schema().apply(c))
                .toArray(StructField[]::new));
        List<Row> values = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        Column[] grouped = columns.stream().map(rows::col).toArray(Column[]::new);
        for (Row counted : rows.groupBy(grouped).count().collectAsList()) {
            values.add(RowFactory.create(IntStream.range(0, columns.size()).mapToObj(counted::get).toArray()));
            sizes.add(counted.getLong(columns.size()));
        }
        return new QuasiIdentifierClasses(schema, values, sizes);
    }

    /** The size of every class. */
    List<Long> sizes() {
        return sizes;
    }

    /** Each class's values (in the quasi-identifiers' order) with its size. */
    List<Map.Entry<Row, Long>> classes() {
        return IntStream.range(0, values.size()).mapToObj(i -> Map.entry(values.get(i), sizes.get(i))).toList();
    }

    /** The rows of the classes that lose their values. */
    long rowsSuppressed(LongPredicate suppresses) {
        return sizes.stream().filter(suppresses::test).mapToLong(Long::longValue).sum();
    }

    /** The rows every quasi-identifier of which is blank once those classes are: theirs, and any blank already. */
    long rowsBlankAfterSuppressing(LongPredicate suppresses) {
        long blank = 0;
        for (int i = 0; i < values.size(); i++) {
            Row row = values.get(i);
            if (suppresses.test(sizes.get(i)) || IntStream.range(0, row.size()).allMatch(row::isNullAt)) {
                blank += sizes.get(i);
            }
        }
        return blank;
    }

    /**
     * {@code rows} (columns as they are, in order) with every quasi-identifier blank where its class loses its values:
     * the small classes' values are broadcast and matched null-safe, so a missing value matches a missing value as
     * in the grouping that counted them.
     */
    Dataset<Row> suppress(Dataset<Row> rows, LongPredicate suppresses) {
        requireNonNull(rows, "rows is null");
        requireNonNull(suppresses, "suppresses is null");
        List<Row> small = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (suppresses.test(sizes.get(i))) {
                small.add(RowFactory.create(appended(values.get(i), true)));
            }
        }
        if (small.isEmpty()) {
            return rows;
        }
        StructType smallSchema = new StructType(Arrays.stream(schema.fields())
                .map(f -> new StructField(SMALL_PREFIX + f.name(), f.dataType(), true, f.metadata()))
                .toArray(StructField[]::new)).add(SUPPRESSED, DataTypes.BooleanType);
        Dataset<Row> classes = rows.sparkSession().createDataFrame(small, smallSchema);
        Column matches = Arrays.stream(schema.fieldNames())
                .map(qi -> rows.col(qi).eqNullSafe(classes.col(SMALL_PREFIX + qi)))
                .reduce(Column::and).orElseThrow();
        Dataset<Row> joined = rows.join(broadcast(classes), matches, "left_outer");
        List<String> qis = List.of(schema.fieldNames());
        Column[] kept = Arrays.stream(rows.columns())
                .map(c -> qis.contains(c) ? when(col(SUPPRESSED).isNotNull(), lit(null)).otherwise(rows.col(c)).as(c)
                        : rows.col(c))
                .toArray(Column[]::new);
        return joined.select(kept);
    }

    private static Object[] appended(Row row, Object last) {
        Object[] values = new Object[row.size() + 1];
        for (int i = 0; i < row.size(); i++) {
            values[i] = row.get(i);
        }
        values[row.size()] = last;
        return values;
    }
}
