package org.trex.run;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.jooq.Record2;
import org.trex.disclosure.EquivalenceClasses;
import org.trex.disclosure.SmallCounts;
import org.trex.optout.ExclusionRules;
import org.trex.plan.ExtractPlan;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedColumn;
import org.trex.plan.PlannedMeasure;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.source.SourceDataset;
import org.trex.source.SqlText;
import org.trex.spec.AggregateOutput;
import org.trex.spec.CountOf;
import org.trex.spec.DisclosureRules;
import org.trex.spec.FieldForm;
import org.trex.spec.KAnonymityAction;
import org.trex.transform.Generalisations;

/**
 * The Spark side of a run: reads each output's rows over JDBC in partitions, leaves out what the
 * exclusions say, shapes the rest (pseudonyms, forms), applies disclosure control and writes one
 * Parquet and one CSV file per output into a data directory. It knows nothing of specs on disk,
 * approvals or lineage; the caller owns those.
 */
public final class ExtractJob {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExtractJob.class);
    private static final String EXCLUSION = "trex_exclusion";
    private static final String PERSON = "trex_person";
    private static final String CLASS_SIZE = "trex_class_size";
    private static final int FETCH_SIZE = 10_000;

    private final SparkSession spark;
    private final DatabaseUrl database;
    private final SourceCatalog catalog;
    private final int partitions;

    public ExtractJob(SparkSession spark, DatabaseUrl database, SourceCatalog catalog, int partitions) {
        this.spark = requireNonNull(spark, "spark is null");
        this.database = requireNonNull(database, "database is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        if (partitions < 1) {
            throw new IllegalArgumentException("Cannot read in " + partitions + " partitions: use 1 or more");
        }
        this.partitions = partitions;
    }

    /** Runs every output of the plan, writing files under {@code dataDirectory}. */
    public List<OutputResult> run(ExtractPlan plan, ExclusionRules exclusions, PseudonymKey key, Path dataDirectory) {
        requireNonNull(plan, "plan is null");
        requireNonNull(exclusions, "exclusions is null");
        requireNonNull(key, "key is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        Broadcast<ExclusionRules> broadcast = spark.sparkContext().broadcast(
                exclusions, scala.reflect.ClassTag$.MODULE$.apply(ExclusionRules.class));
        OutputWriter writer = new OutputWriter(dataDirectory);
        List<OutputResult> results = new ArrayList<>();
        try {
            for (OutputPlan output : plan.outputs()) {
                results.add(runOutput(output, plan.policy().disclosure(), broadcast, key, writer));
            }
        } finally {
            broadcast.destroy();
        }
        return results;
    }

    private OutputResult runOutput(OutputPlan output, DisclosureRules rules, Broadcast<ExclusionRules> exclusions,
            PseudonymKey key, OutputWriter writer) {
        long started = System.nanoTime();
        Dataset<Row> source = read(output);
        Dataset<Row> shaped = shape(source, output, exclusions, key).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long read = 0;
            Map<String, Long> rowsByReason = new LinkedHashMap<>();
            for (Row row : shaped.groupBy(col(EXCLUSION)).count().collectAsList()) {
                read += row.getLong(1);
                if (!row.isNullAt(0)) {
                    rowsByReason.put(row.getString(0), row.getLong(1));
                }
            }
            // Distinct people only over the few rows left out: over every kept row it would cost a shuffle of all.
            Map<String, Long> peopleByReason = new LinkedHashMap<>();
            if (!rowsByReason.isEmpty()) {
                shaped.filter(col(EXCLUSION).isNotNull()).groupBy(col(EXCLUSION)).agg(countDistinct(col(PERSON)))
                        .collectAsList().forEach(row -> peopleByReason.put(row.getString(0), row.getLong(1)));
            }
            List<ExclusionCount> excluded = new ArrayList<>();
            rowsByReason.forEach((reason, rows) -> excluded.add(new ExclusionCount(reason, rows, peopleByReason.getOrDefault(reason, 0L))));
            excluded.sort((a, b) -> a.reason().compareTo(b.reason()));
            LOG.info("Output {}: read, checked and shaped {} rows in {} ms", output.name(), read, (System.nanoTime() - started) / 1_000_000);
            Dataset<Row> kept = shaped.filter(col(EXCLUSION).isNull()).drop(EXCLUSION);
            return output.output() instanceof AggregateOutput
                    ? aggregate(output, rules, kept, read, excluded, writer)
                    : records(output, rules, kept.drop(PERSON), read, excluded, writer);
        } finally {
            shaped.unpersist();
        }
    }

    private Dataset<Row> read(OutputPlan output) {
        SourceDataset dataset = catalog.source(output.output().dataset());
        long[] bounds = rowIdBounds(dataset);
        Properties properties = new Properties();
        properties.setProperty("fetchsize", Integer.toString(FETCH_SIZE));
        properties.setProperty("driver", "org.postgresql.Driver");
        properties.setProperty("sessionInitStatement", "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        return spark.read().jdbc(database.jdbcUrl(), "(" + output.sql() + ") AS src", OutputPlan.ROW_ID,
                bounds[0], bounds[1] + 1, partitions, properties);
    }

    /** Min and max row ID of the dataset's main table: they only set the partitions' strides. */
    private long[] rowIdBounds(SourceDataset dataset) {
        try (Connection connection = database.connect()) {
            Record2<Long, Long> bounds = SqlText.on(connection)
                    .select(org.jooq.impl.DSL.min(dataset.rowId()), org.jooq.impl.DSL.max(dataset.rowId()))
                    .from(dataset.rowId().getTable())
                    .fetchOne();
            long min = bounds == null || bounds.value1() == null ? 0 : bounds.value1();
            long max = bounds == null || bounds.value2() == null ? 0 : bounds.value2();
            return new long[] {min, max};
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read row bounds of dataset " + dataset.name() + " from "
                    + database.redacted() + ": " + DatabaseUrl.safeMessage(e), e);
        }
    }

    private static Dataset<Row> shape(Dataset<Row> source, OutputPlan output, Broadcast<ExclusionRules> exclusions, PseudonymKey key) {
        StructType in = source.schema();
        List<ColumnShape> shapes = new ArrayList<>();
        List<StructField> fields = new ArrayList<>();
        for (PlannedColumn column : output.columns()) {
            int index = in.fieldIndex(column.name());
            shapes.add(new ColumnShape(column.name(), index, column.form(), column.identifierKind().orElse(null)));
            fields.add(DataTypes.createStructField(column.name(), outputType(column.form(), in.fields()[index].dataType()), true));
        }
        List<Integer> passThrough = new ArrayList<>();
        for (PlannedMeasure measure : output.measures()) {
            if (measure.whereColumn().isPresent()) {
                passThrough.add(in.fieldIndex(measure.whereColumn().get()));
                fields.add(DataTypes.createStructField(measure.whereColumn().get(), DataTypes.BooleanType, true));
            }
        }
        fields.add(DataTypes.createStructField(EXCLUSION, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(PERSON, DataTypes.StringType, true));
        boolean countsPeople = output.measures().stream().anyMatch(m -> m.countOf() == CountOf.PEOPLE);
        RowShaper shaper = new RowShaper(shapes, passThrough, in.fieldIndex(OutputPlan.NHS_NUMBER),
                in.fieldIndex(OutputPlan.INDEX_DATE), exclusions, key,
                countsPeople ? RowShaper.PersonKeys.EVERY_ROW : RowShaper.PersonKeys.EXCLUDED_ROWS);
        return source.mapPartitions(shaper, Encoders.row(DataTypes.createStructType(fields)));
    }

    private static DataType outputType(FieldForm form, DataType sourceType) {
        return switch (form) {
            case AS_IS -> sourceType;
            case YEAR_OF_BIRTH, DAYS_FROM_INDEX -> DataTypes.IntegerType;
            case PSEUDONYM, AGE_BAND, POSTCODE_DISTRICT, MONTH, DELAY_BAND -> DataTypes.StringType;
        };
    }

    private OutputResult records(OutputPlan output, DisclosureRules rules, Dataset<Row> kept, long read,
            List<ExclusionCount> excluded, OutputWriter writer) {
        List<String> qis = output.quasiIdentifiers();
        Dataset<Row> released = kept;
        DisclosureOutcome outcome;
        if (qis.isEmpty()) {
            outcome = new DisclosureOutcome(qis, java.util.Optional.empty(), java.util.Optional.empty(),
                    "none: no quasi-identifiers declared", 0, 0, "k = " + rules.k());
        } else {
            EquivalenceClasses before = measure(kept, qis, rules.k());
            String action = "none: k met";
            long valuesSuppressed = 0;
            if (!before.meetsK()) {
                if (rules.belowK() == KAnonymityAction.REFUSE) {
                    throw new DisclosureException("Cannot publish output " + output.name() + ": its smallest equivalence class on "
                            + qis + " has " + before.smallestClass() + " records, the policy requires k = " + rules.k()
                            + " and refuses the run below it");
                }
                if (rules.belowK() == KAnonymityAction.GENERALISE) {
                    released = coarsen(released, output, qis);
                    action = "generalised " + qis;
                }
                if (!measure(released, qis, rules.k()).meetsK()) {
                    Dataset<Row> counted = released.withColumn(CLASS_SIZE, count(lit(1)).over(Window.partitionBy(cols(qis))))
                            .persist(StorageLevel.MEMORY_AND_DISK());
                    valuesSuppressed = counted.filter(col(CLASS_SIZE).lt(rules.k())).count() * qis.size();
                    for (String qi : qis) {
                        counted = counted.withColumn(qi, when(col(CLASS_SIZE).lt(rules.k()), lit(null)).otherwise(col(qi)));
                    }
                    released = counted.drop(CLASS_SIZE);
                    action = (action.startsWith("none") ? "" : action + ", then ") + "suppressed quasi-identifier values in classes below k";
                    // Records whose fully suppressed class is still below k would stand out: drop them.
                    Column allNull = Arrays.stream(cols(qis)).map(Column::isNull).reduce(Column::and).orElseThrow();
                    long stillSmall = released.filter(allNull).count();
                    if (stillSmall > 0 && stillSmall < rules.k()) {
                        released = released.filter(org.apache.spark.sql.functions.not(allNull));
                        excluded = new ArrayList<>(excluded);
                        excluded.add(new ExclusionCount(ExclusionCount.DISCLOSURE_SUPPRESSED, stillSmall, 0));
                        action += ", then dropped " + stillSmall + " records still below k";
                    }
                }
            }
            EquivalenceClasses after = measure(released, qis, rules.k());
            outcome = new DisclosureOutcome(qis, java.util.Optional.of(before), java.util.Optional.of(after), action,
                    valuesSuppressed, 0, "k = " + rules.k() + ", below k: " + rules.belowK().yamlName());
        }
        long used = read - excluded.stream().mapToLong(ExclusionCount::rows).sum();
        OutputWriter.Written written = writer.write(output.name(), released);
        return new OutputResult(output, read, excluded, used, written.rows(), outcome, written.schema(), written.files(),
                written.contentSha256());
    }

    private OutputResult aggregate(OutputPlan output, DisclosureRules rules, Dataset<Row> kept, long read,
            List<ExclusionCount> excluded, OutputWriter writer) {
        List<String> groups = output.columns().stream().map(PlannedColumn::name).toList();
        List<Column> measures = new ArrayList<>();
        for (PlannedMeasure measure : output.measures()) {
            Column counted = measure.whereColumn()
                    .map(w -> measure.countOf() == CountOf.PEOPLE
                            ? countDistinct(when(col(w), col(PERSON)))
                            : sum(when(col(w), 1).otherwise(0)).cast(DataTypes.LongType))
                    .orElseGet(() -> measure.countOf() == CountOf.PEOPLE ? countDistinct(col(PERSON)) : count(lit(1)));
            measures.add(counted.as(measure.name()));
        }
        long used = read - excluded.stream().mapToLong(ExclusionCount::rows).sum();
        Dataset<Row> grouped = groups.isEmpty()
                ? kept.agg(measures.get(0), measures.subList(1, measures.size()).toArray(Column[]::new))
                : kept.groupBy(cols(groups)).agg(measures.get(0), measures.subList(1, measures.size()).toArray(Column[]::new));
        SmallCounts smallCounts = new SmallCounts(rules);
        StructType schema = grouped.schema();
        List<Row> releasedRows = new ArrayList<>();
        long suppressed = 0;
        for (Row row : grouped.collectAsList()) {
            Object[] values = new Object[row.length()];
            for (int i = 0; i < row.length(); i++) {
                if (i < groups.size()) {
                    values[i] = row.get(i);
                } else {
                    Long released = smallCounts.release(row.getLong(i));
                    suppressed += released == null ? 1 : 0;
                    values[i] = released;
                }
            }
            releasedRows.add(RowFactory.create(values));
        }
        StructType releasedSchema = new StructType(Arrays.stream(schema.fields())
                .map(f -> groups.contains(f.name()) ? f : DataTypes.createStructField(f.name(), DataTypes.LongType, true))
                .toArray(StructField[]::new));
        Dataset<Row> released = spark.createDataFrame(releasedRows, releasedSchema);
        DisclosureOutcome outcome = new DisclosureOutcome(List.of(), java.util.Optional.empty(), java.util.Optional.empty(),
                suppressed == 0 ? "rounded" : "suppressed " + suppressed + " small counts, rounded the rest", 0, suppressed,
                "counts <= " + rules.suppressAtOrBelow() + " suppressed, others rounded to the nearest " + rules.roundTo());
        OutputWriter.Written written = writer.write(output.name(), released);
        return new OutputResult(output, read, excluded, used, written.rows(), outcome, written.schema(), written.files(),
                written.contentSha256());
    }

    private static EquivalenceClasses measure(Dataset<Row> rows, List<String> qis, int k) {
        List<Long> sizes = rows.groupBy(cols(qis)).count().select("count").as(Encoders.LONG()).collectAsList();
        return EquivalenceClasses.measure(sizes, k);
    }

    private static Dataset<Row> coarsen(Dataset<Row> rows, OutputPlan output, List<String> qis) {
        Map<String, FieldForm> forms = new LinkedHashMap<>();
        output.columns().forEach(c -> forms.put(c.name(), c.form()));
        Dataset<Row> result = rows;
        for (String qi : qis) {
            FieldForm form = forms.get(qi);
            DataType type = rows.schema().apply(qi).dataType();
            result = result.withColumn(qi, org.apache.spark.sql.functions.udf(
                    (org.apache.spark.sql.api.java.UDF1<Object, Object>) v -> Generalisations.coarsen(form, v), type)
                    .apply(col(qi)));
        }
        return result;
    }

    private static Column[] cols(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}
