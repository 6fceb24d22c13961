package org.trex.run;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.jooq.Record2;
import org.trex.disclosure.DominanceCheck;
import org.trex.disclosure.ProtectedCells;
import org.trex.disclosure.ReleaseHistory;
import org.trex.linkage.CountedSection;
import org.trex.optout.ExclusionRules;
import org.trex.pgcopy.PgCopySource;
import org.trex.plan.ExtractPlan;
import org.trex.plan.OutputPlan;
import org.trex.plan.PlannedColumn;
import org.trex.plan.PlannedMeasure;
import org.trex.plan.ScanPlan;
import org.trex.pseudonym.IdentifierKind;
import org.trex.pseudonym.PseudonymKey;
import org.trex.source.DatabaseException;
import org.trex.source.DatabaseUrl;
import org.trex.source.SourceCatalog;
import org.trex.source.SourceDataset;
import org.trex.source.SqlText;
import org.trex.spec.AggregateOutput;
import org.trex.spec.DisclosureRules;

/**
 * The Spark side of a run: reads each output's rows by binary COPY in partitions, each read from one snapshot
 * (the outputs on the cohort's index events share one read, {@link ScanPlan}), leaves out (and counts) what the
 * exclusions say, shapes the rest (pseudonyms, forms), applies disclosure control (to a shared read's rows before
 * they are staged, to others' as they are staged), sorts and stages them and writes one Parquet and one CSV file per
 * output into a data directory. Records outputs with reads of their own are released ahead, beside the others
 * ({@link ReleasesAhead}). It knows nothing of specs on disk, approvals or lineage; the caller owns those.
 */
public final class ExtractJob {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExtractJob.class);
    private static final String EXCLUSION = "trex_exclusion";
    private static final String COUNT_KEY = "trex_count_key";

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

    /**
     * Each output's result, what the run as a whole left out ({@link RunExclusions}), and every aggregate cell as
     * disclosure control decided it (for the release ledger).
     */
    public record Result(List<OutputResult> outputs, List<ExclusionCount> leftOut, ProtectedCells cells) {
        public Result {
            outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
            leftOut = List.copyOf(requireNonNull(leftOut, "leftOut is null"));
            requireNonNull(cells, "cells is null");
        }
    }

    /**
     * Runs every output of the plan, writing files under {@code dataDirectory}, as a first release with no linkage
     * section beside it.
     */
    public Result run(ExtractPlan plan, ExclusionRules exclusions, PseudonymKey key, Path dataDirectory) {
        return run(plan, exclusions, key, dataDirectory, ReleaseHistory.NONE, Optional::empty);
    }

    /**
     * Runs every output of the plan, writing files under {@code dataDirectory}. Aggregate outputs are measured
     * first and protected together (a total in one can give away a cell of another), against what earlier releases
     * of the extract published and what the lineage's linkage section shows ({@code linkage}, asked for once the
     * aggregates are measured, as it is counted beside the job), and only then written.
     */
    public Result run(ExtractPlan plan, ExclusionRules exclusions, PseudonymKey key, Path dataDirectory,
            ReleaseHistory history, Supplier<Optional<CountedSection>> linkage) {
        requireNonNull(plan, "plan is null");
        requireNonNull(linkage, "linkage is null");
        requireNonNull(exclusions, "exclusions is null");
        requireNonNull(key, "key is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(history, "history is null");
        Broadcast<ExclusionRules> broadcast = spark.sparkContext().broadcast(
                exclusions, scala.reflect.ClassTag$.MODULE$.apply(ExclusionRules.class));
        OutputWriter writer = new OutputWriter(spark, dataDirectory, partitions);
        FormColumns forms = new FormColumns(key);
        DisclosureRules rules = plan.policy().disclosure();
        DominanceCheck dominance = new DominanceCheck(rules.dominance());
        RecordsRelease release = new RecordsRelease(rules, writer);
        Map<String, OutputResult> results = new LinkedHashMap<>();
        List<MeasuredAggregate> aggregates = new ArrayList<>();
        RunExclusions leftOut = new RunExclusions();
        Map<ScanPlan, SharedRows> shared = new HashMap<>();
        Map<ScanPlan, List<Path>> peopleOfRead = new HashMap<>();
        // A records output shows its rows, and its people, to anyone: the totals of the aggregates of the same rows.
        List<RecordsTotals.Released> records = new ArrayList<>();
        long read = 0;
        try (ReleasesAhead ahead = new ReleasesAhead(spark.sparkContext())) {
            // A records output with a read of its own needs nothing of the others: it goes ahead, beside them.
            for (OutputPlan output : plan.outputs()) {
                if (plan.scanOf(output.name()).isEmpty() && !(output.output() instanceof AggregateOutput)) {
                    ahead.start(output.name(), () -> releaseOwnRead(output, broadcast, forms, release));
                }
            }
            for (OutputPlan output : plan.outputs()) {
                if (ahead.holds(output.name())) {
                    ReleasesAhead.Released released = ahead.await(output.name());
                    leftOut.add(released.result().excluded(), released.tally());
                    read += released.result().rowsRead();
                    results.put(output.name(), released.result());
                    records.add(new RecordsTotals.Released(released.result(), personColumn(output)));
                    continue;
                }
                Optional<ScanPlan> scan = plan.scanOf(output.name());
                SourceSnapshot own = null;
                try {
                    ExclusionTally tally;
                    Dataset<Row> kept;
                    if (scan.isPresent()) {
                        SharedRows rows = shared.computeIfAbsent(scan.get(), s -> readShared(s, broadcast, forms));
                        tally = rows.tally();
                        kept = shaped(rows.rows(output.name()), output, forms);
                    } else {
                        tally = tally(output);
                        own = SourceSnapshot.export(database);
                        kept = ownRows(output, own, broadcast, forms, tally);
                    }
                    if (output.output() instanceof AggregateOutput) {
                        // The outputs of one shared read hold the same rows, so the same people: counted once.
                        Optional<List<Path>> counted = scan.map(peopleOfRead::get);
                        MeasuredAggregate measured = MeasuredAggregate.measure(output, kept, tally, writer,
                                dominance.contributionsNeeded(), counted);
                        scan.ifPresent(s -> peopleOfRead.putIfAbsent(s, measured.people()));
                        leftOut.add(measured.excluded(), tally);
                        read += measured.read();
                        aggregates.add(measured);
                        // Keeps the plan's order of outputs; filled in once the aggregates are protected.
                        results.put(output.name(), null);
                    } else {
                        // Records outputs with reads of their own went ahead: this one's rows are its shared read's.
                        OutputResult result = release.release(output, kept, RecordsRelease.Rows.KEPT, tally);
                        RecordsTotals.PersonColumn person = personColumn(output);
                        scan.filter(s -> holdsPeopleOfItsRead(person, result))
                                .ifPresent(s -> peopleOfRead.putIfAbsent(s, result.people()));
                        records.add(new RecordsTotals.Released(result, person));
                        leftOut.add(result.excluded(), tally);
                        read += result.rowsRead();
                        results.put(output.name(), result);
                    }
                } finally {
                    if (own != null) {
                        own.close();
                    }
                }
                scan.filter(s -> s.outputs().get(s.outputs().size() - 1).equals(output.name()))
                        .ifPresent(s -> shared.remove(s).close());
            }
        } finally {
            shared.values().forEach(SharedRows::close);
            broadcast.destroy();
        }
        leftOut.requireSomeKept(plan.spec().id(), read);
        // A records output without a person column holds the people of its shared read when it dropped no row: the
        // register takes them from the files another output of the read counted, so a deletion notice finds them.
        for (OutputPlan output : plan.outputs()) {
            OutputResult result = results.get(output.name());
            boolean droppedNone = result != null && result.excluded().stream()
                    .noneMatch(count -> count.reason().equals(ExclusionCount.DISCLOSURE_SUPPRESSED));
            if (droppedNone && result.people().isEmpty() && output.personColumn().isEmpty()) {
                plan.scanOf(output.name()).map(peopleOfRead::get)
                        .ifPresent(people -> results.put(output.name(), result.holding(people)));
            }
        }
        ProtectedCells cells = AggregateProtection.protect(plan, catalog, aggregates, records, history, linkage);
        for (MeasuredAggregate aggregate : aggregates) {
            results.put(aggregate.output().name(), write(aggregate, cells, rules, writer));
        }
        return new Result(List.copyOf(results.values()), leftOut.counts(), cells);
    }

    /** Reads a records output's own rows from a snapshot of their own, checks and shapes them, and releases them. */
    private ReleasesAhead.Released releaseOwnRead(OutputPlan output, Broadcast<ExclusionRules> exclusions,
            FormColumns forms, RecordsRelease release) {
        ExclusionTally tally = tally(output);
        try (SourceSnapshot own = SourceSnapshot.export(database)) {
            Dataset<Row> kept = ownRows(output, own, exclusions, forms, tally);
            return new ReleasesAhead.Released(release.release(output, kept, RecordsRelease.Rows.STREAMED, tally),
                    tally);
        }
    }

    /** An output's rows read by its own SELECT from {@code snapshot}, checked and shaped. */
    private Dataset<Row> ownRows(OutputPlan output, SourceSnapshot snapshot, Broadcast<ExclusionRules> exclusions,
            FormColumns forms, ExclusionTally tally) {
        return shaped(checked(read(output.sql(), catalog.source(output.output().dataset()), snapshot), exclusions,
                forms, tally), output, forms);
    }

    private ExclusionTally tally(OutputPlan output) {
        ExclusionTally tally = new ExclusionTally();
        spark.sparkContext().register(tally, "excluded rows of " + output.name());
        return tally;
    }

    /**
     * Whether a records output of a shared read counted the read's own people, person for person and row for row, so
     * the read's aggregates can name its people rather than count them again: its person column is the pseudonym of
     * each row's own NHS number, not a quasi-identifier that disclosure control could blank, and no row was dropped.
     */
    private static boolean holdsPeopleOfItsRead(RecordsTotals.PersonColumn person, OutputResult result) {
        return person == RecordsTotals.PersonColumn.OWN_NUMBER && !result.people().isEmpty() && result.excluded()
                .stream().noneMatch(count -> count.reason().equals(ExclusionCount.DISCLOSURE_SUPPRESSED));
    }

    /** Whose pseudonym a records output's person column holds, and whether disclosure control could blank it. */
    private RecordsTotals.PersonColumn personColumn(OutputPlan output) {
        SourceDataset dataset = catalog.source(output.output().dataset());
        Optional<String> column = output.personColumn();
        boolean ownNumber = column
                .flatMap(name -> output.columns().stream().filter(c -> c.name().equals(name)).findFirst())
                .flatMap(planned -> dataset.field(planned.sourceField()))
                .filter(field -> field.expression().equals(dataset.nhsNumber()))
                .isPresent();
        if (!ownNumber) {
            return RecordsTotals.PersonColumn.NONE;
        }
        return output.quasiIdentifiers().contains(column.orElseThrow()) ? RecordsTotals.PersonColumn.BLANKABLE
                : RecordsTotals.PersonColumn.OWN_NUMBER;
    }

    /** Reads and checks a shared read's rows once, keeping them for every output that takes columns from them. */
    private SharedRows readShared(ScanPlan scan, Broadcast<ExclusionRules> exclusions, FormColumns forms) {
        ExclusionTally tally = new ExclusionTally();
        spark.sparkContext().register(tally, "excluded rows of the read shared by " + scan.outputs());
        SourceSnapshot snapshot = SourceSnapshot.export(database);
        try {
            Dataset<Row> kept = checked(read(scan.sql(), catalog.source(scan.dataset()), snapshot), exclusions, forms,
                    tally).persist(StorageLevel.MEMORY_AND_DISK());
            return new SharedRows(scan, snapshot, tally, kept);
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
    }

    /**
     * The rows of {@code sql}, a SELECT over {@code dataset}'s rows, read by binary COPY in as many partitions as
     * the rows PostgreSQL expects call for ({@link ReadPartitions}).
     */
    private Dataset<Row> read(String sql, SourceDataset dataset, SourceSnapshot snapshot) {
        ReadShape shape = readShape(sql, dataset);
        LOG.info("Reading {} in {} partitions (PostgreSQL expects {} rows)", dataset.name(), shape.partitions(),
                Math.round(shape.estimatedRows()));
        Dataset<Row> rows = spark.read().format(PgCopySource.class.getName())
                .option("url", database.jdbcUrl())
                .option("query", sql)
                .option("partitionColumn", OutputPlan.ROW_ID)
                .option("lowerBound", shape.lowestRowId())
                .option("upperBound", shape.highestRowId() + 1)
                .option("numPartitions", shape.partitions())
                .option("snapshot", snapshot.id())
                .load();
        // Said to be one partition, the rows are grouped (classes, aggregates) where they are, with no exchange:
        // Spark does not know a read's single partition as one, but it knows a coalesce's.
        return shape.partitions() == 1 ? rows.coalesce(1) : rows;
    }

    /** The bounds of the row IDs (they only set the partitions' strides) and the rows PostgreSQL expects. */
    private record ReadShape(long lowestRowId, long highestRowId, double estimatedRows, int partitions) {
    }

    private ReadShape readShape(String sql, SourceDataset dataset) {
        try (Connection connection = database.connect()) {
            Record2<Long, Long> bounds = SqlText.on(connection)
                    .select(org.jooq.impl.DSL.min(dataset.rowId()), org.jooq.impl.DSL.max(dataset.rowId()))
                    .from(dataset.rowId().getTable())
                    .fetchOne();
            long min = bounds == null || bounds.value1() == null ? 0 : bounds.value1();
            long max = bounds == null || bounds.value2() == null ? 0 : bounds.value2();
            double estimated = SqlText.estimatedRows(connection, sql);
            return new ReadShape(min, max, estimated, ReadPartitions.of(estimated, partitions));
        } catch (SQLException e) {
            throw new DatabaseException("Cannot plan the read of dataset " + dataset.name() + " from "
                    + database.redacted() + ": " + DatabaseUrl.safeMessage(e), e);
        }
    }

    /**
     * Leaves out, and tallies, the rows the exclusions name, before anything else touches them; the rows kept have
     * the columns of {@code source}.
     */
    private static Dataset<Row> checked(Dataset<Row> source, Broadcast<ExclusionRules> exclusions, FormColumns forms,
            ExclusionTally tally) {
        Column nhsNumber = col(OutputPlan.NHS_NUMBER);
        Column person = forms.pseudonym(IdentifierKind.NHS_NUMBER).apply(nhsNumber);
        ExclusionCheck check = new ExclusionCheck(exclusions, tally);
        return source.withColumn(EXCLUSION, check.reason(nhsNumber, col(OutputPlan.ON_ALLOW_LIST),
                        col(OutputPlan.RECORD_OBJECTION)))
                .withColumn(COUNT_KEY, when(ExclusionCheck.leftOut(col(EXCLUSION)).and(check.validNumber(nhsNumber)),
                        person))
                .filter(check.keep(col(EXCLUSION), col(COUNT_KEY)))
                .drop(EXCLUSION, COUNT_KEY);
    }

    /**
     * Puts every kept field in its form. Columns: the output's, then any measure flags, then {@code trex_person} (the
     * person's pseudonym, a count key never written) when an aggregate counts people.
     */
    private static Dataset<Row> shaped(Dataset<Row> kept, OutputPlan output, FormColumns forms) {
        Column person = forms.pseudonym(IdentifierKind.NHS_NUMBER).apply(col(OutputPlan.NHS_NUMBER));
        List<Column> shaped = new ArrayList<>();
        for (PlannedColumn column : output.columns()) {
            shaped.add(forms.apply(column, col(column.name()), col(OutputPlan.INDEX_DATE)).as(column.name()));
        }
        for (PlannedMeasure measure : output.measures()) {
            measure.whereColumn().ifPresent(flag -> shaped.add(col(flag)));
            measure.meanColumn().ifPresent(value -> shaped.add(col(value)));
            measure.sumColumn().ifPresent(summed -> shaped.add(col(summed)));
            measure.byColumn().ifPresent(by -> shaped.add(col(by)));
        }
        // An aggregate keeps whom it counted, for the release register, whatever it counts.
        if (output.output() instanceof AggregateOutput) {
            shaped.add(person.as(MeasuredAggregate.PERSON));
        }
        return kept.select(shaped.toArray(Column[]::new));
    }

    private OutputResult write(MeasuredAggregate aggregate, ProtectedCells cells, DisclosureRules rules,
            OutputWriter writer) {
        OutputPlan output = aggregate.output();
        Dataset<Row> released = spark.createDataFrame(aggregate.released(cells), aggregate.releasedSchema());
        DisclosureOutcome outcome = DisclosureOutcome.ofCells(output.name(), cells, rules,
                aggregate.cellsOfEmptyGroups());
        OutputWriter.Written written = writer.publish(writer.stageFew(output.name(), released));
        return new OutputResult(output, aggregate.read(), aggregate.excluded(), aggregate.used(), written.rows(),
                outcome, written.schema(), written.files(), written.contentSha256(), aggregate.people());
    }

}
