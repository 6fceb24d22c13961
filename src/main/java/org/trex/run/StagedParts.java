package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.ProjectingInternalRow;
import org.apache.spark.sql.catalyst.expressions.Ascending$;
import org.apache.spark.sql.catalyst.expressions.BoundReference;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.InterpretedOrdering;
import org.apache.spark.sql.catalyst.expressions.SortOrder;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.parquet.ParquetOptions;
import org.apache.spark.sql.execution.datasources.parquet.ParquetUtils;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Writes each partition of sorted rows as a Parquet part and a CSV part in one pass over the rows: the CSV no
 * longer needs the Parquet read back. The Parquet part is written by the writer Spark's own Parquet output
 * uses, set up as Spark sets it up. The same pass counts the rows of each class of equal values in the
 * measured columns (the quasi-identifiers), so k-anonymity needs no job of its own. A task writes under names of its
 * own attempt and renames when whole, so a retried task replaces its parts and a failed one leaves only names the
 * scratch folder's removal takes away.
 */
final class StagedParts implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One partition's files and rows. */
    record Part(int partition, Path parquet, Path csv, long rows) {
        Part {
            requireNonNull(parquet, "parquet is null");
            requireNonNull(csv, "csv is null");
        }
    }

    /**
     * Rows that arrive sorted on their last column, a long that is not written ({@link HexRangeBuckets#orderKey}),
     * and still need the rows that tie on it put in content order: by the {@code content} columns, in that order,
     * ascending with nulls first, as Spark sorts. With {@code slices}, rows that arrive in one partition are written
     * as one part for each slice of the key's range, as rows spread over the slices' partitions are, so the parts,
     * and the Parquet file joined from them, are the same whichever way the rows came.
     */
    record SortKey(List<String> content, Optional<HexRangeBuckets> slices) {
        SortKey {
            content = List.copyOf(requireNonNull(content, "content is null"));
            requireNonNull(slices, "slices is null");
        }
    }

    /**
     * Where to count the people the rows hold: the {@code column} of person pseudonyms, and the {@code folder}
     * (existing, absolute, visible to every executor) that gets one {@link PeopleCounts} file per part.
     */
    record People(String column, Path folder) {
        People {
            requireNonNull(column, "column is null");
            requireNonNull(folder, "folder is null");
        }
    }

    /**
     * The parts in partition order, every class of equal measured values across them with its values and size, and
     * the files of people counted, one per part (none when no people were asked for).
     */
    record Written(List<Part> parts, QuasiIdentifierClasses classes, List<Path> people) {
        Written {
            parts = List.copyOf(requireNonNull(parts, "parts is null"));
            requireNonNull(classes, "classes is null");
            people = List.copyOf(requireNonNull(people, "people is null"));
        }
    }

    private final OutputWriterFactory parquet;
    private final SerializableConfiguration hadoop;
    private final CsvFormat csv;
    private final StructType schema;
    private final String parquetFolder;
    private final String csvFolder;
    private final int[] measured;
    /** The columns that order rows tied on the sort key; null when the rows arrive in their final order. */
    private final int[] tieOrder;
    /** The slices a partition's rows are written in, one part each; null to write each partition as one part. */
    private final HexRangeBuckets slices;
    /** The column of person pseudonyms to count, or -1; and the folder their counts go to, or null. */
    private final int person;
    private final String peopleFolder;
    private final PeopleCounts.Order personOrder;

    private StagedParts(OutputWriterFactory parquet, Configuration hadoop, StructType schema, Path parquetFolder,
            Path csvFolder, List<String> measured, Optional<SortKey> sortKey, Optional<People> people) {
        this.measured = measured.stream().mapToInt(schema::fieldIndex).toArray();
        this.tieOrder = sortKey.map(key -> key.content().stream().mapToInt(schema::fieldIndex).toArray()).orElse(null);
        this.slices = sortKey.flatMap(SortKey::slices).orElse(null);
        this.person = people.map(p -> schema.fieldIndex(p.column())).orElse(-1);
        this.peopleFolder = people.map(p -> p.folder().toString()).orElse(null);
        // Rows sorted on a key led by the person's pseudonym hold each person's rows together.
        this.personOrder = people.isPresent() && sortKey.isPresent()
                && sortKey.get().content().get(0).equals(people.get().column())
                ? PeopleCounts.Order.LED_BY_PSEUDONYM : PeopleCounts.Order.ANY;
        this.parquet = parquet;
        this.hadoop = new SerializableConfiguration(hadoop);
        this.csv = new CsvFormat(schema);
        this.schema = schema;
        this.parquetFolder = parquetFolder.toString();
        this.csvFolder = csvFolder.toString();
    }

    /**
     * Writes every partition of {@code rows} into {@code parquetFolder} and {@code csvFolder} (both existing,
     * absolute and visible to every executor) with Parquet compressed by {@code compression}, and measures the
     * classes of equal values in the {@code measured} columns (none when empty). The {@code plain} columns get
     * no Parquet dictionary: their values are nearly all distinct (pseudonyms), so one would only be built,
     * outgrown and dropped in every row group. With a {@code sortKey}, the rows' last column is that key: it
     * is neither written nor measured.
     */
    static Written write(SparkSession spark, Dataset<Row> rows, Path parquetFolder, Path csvFolder, String compression,
            List<String> plain, List<String> measured, Optional<SortKey> sortKey) {
        return write(spark, rows, parquetFolder, csvFolder, compression, plain, measured, sortKey, Optional.empty());
    }

    /** As above, and, with {@code people}, counts the rows of each person in the same pass ({@link PeopleCounts}). */
    static Written write(SparkSession spark, Dataset<Row> rows, Path parquetFolder, Path csvFolder, String compression,
            List<String> plain, List<String> measured, Optional<SortKey> sortKey, Optional<People> people) {
        requireNonNull(spark, "spark is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(parquetFolder, "parquetFolder is null");
        requireNonNull(csvFolder, "csvFolder is null");
        requireNonNull(compression, "compression is null");
        requireNonNull(plain, "plain is null");
        requireNonNull(measured, "measured is null");
        requireNonNull(sortKey, "sortKey is null");
        requireNonNull(people, "people is null");
        StructType schema = sortKey.isEmpty() ? rows.schema()
                : new StructType(Arrays.copyOf(rows.schema().fields(), rows.schema().length() - 1));
        SQLConf conf = spark.sessionState().conf();
        Job job;
        try {
            job = Job.getInstance(spark.sessionState().newHadoopConf());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set up the Parquet writer: " + e.getMessage(), e);
        }
        org.trex.run.OutputWriter.withoutChecksumFiles(job.getConfiguration());
        plain.forEach(column ->
                job.getConfiguration().setBoolean(ParquetOutputFormat.ENABLE_DICTIONARY + "#" + column, false));
        ParquetOptions options =
                new ParquetOptions(new scala.collection.immutable.Map.Map1<>("compression", compression), conf);
        OutputWriterFactory factory = ParquetUtils.prepareWrite(conf, job, schema, options);
        StagedParts parts =
                new StagedParts(factory, job.getConfiguration(), schema, parquetFolder, csvFolder, measured, sortKey,
                people);
        JavaRDD<InternalRow> partitions = rows.queryExecution().toRdd().toJavaRDD();
        if (partitions.getNumPartitions() == 0) {
            // Spark may plan no partition at all for no rows; the output still gets its (empty) files.
            partitions = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(List.of(), 1);
        }
        // Tasks answer {part, rows, class keys, class sizes} for each part they wrote: plain values, which any
        // serializer Spark uses carries.
        List<Object[]> answers = partitions.mapPartitionsWithIndex(parts::writePart, true).collect();
        Map<ByteBuffer, Long> classes = new HashMap<>();
        List<Part> written = new ArrayList<>();
        for (Object[] answer : answers) {
            written.add(parts.part((int) (long) (Long) answer[0], (Long) answer[1]));
            byte[][] keys = (byte[][]) answer[2];
            long[] sizes = (long[]) answer[3];
            for (int i = 0; i < keys.length; i++) {
                classes.merge(ByteBuffer.wrap(keys[i]), sizes[i], Long::sum);
            }
        }
        written.sort(Comparator.comparingInt(Part::partition));
        StructType measuredSchema = new StructType(measured.stream().map(schema::apply).toArray(StructField[]::new));
        // With nothing measured the tasks count no class, so there are none.
        return new Written(written, QuasiIdentifierClasses.ofKeys(measuredSchema, classes), people.isEmpty() ? List.of()
                : written.stream().map(part -> parts.peoplePart(part.partition())).toList());
    }

    private Path peoplePart(int partition) {
        return Path.of(peopleFolder, String.format("part-%05d.tsv", partition));
    }

    private Part part(int partition, long rows) {
        return new Part(partition, Path.of(parquetFolder, String.format("part-%05d.parquet", partition)),
                Path.of(csvFolder, String.format("part-%05d.csv", partition)), rows);
    }

    private Iterator<Object[]> writePart(int partition, Iterator<InternalRow> rows) {
        // With a sort key, each row carries it last: the CSV and the class counts read only the columns before it.
        Iterator<InternalRow> ordered = tieOrder == null ? rows
                : new TiesInContentOrder(rows, schema.length(), contentOrder());
        ClassCounts classes = new ClassCounts();
        if (slices == null) {
            return List.<Object[]>of(classes.answer(partition, writePart(partition, ordered, classes))).iterator();
        }
        // Every slice gets its part, an empty one too, as an empty partition does.
        SlicedRows sliced = new SlicedRows(ordered, slices, schema.length());
        List<Object[]> answers = new ArrayList<>();
        for (int slice = 0; slice < slices.count(); slice++) {
            answers.add(classes.answer(slice, writePart(slice, sliced.of(slice), classes)));
        }
        // A row of an earlier slice after a later one's would be in no part: the task fails rather than lose it.
        if (!sliced.exhausted()) {
            throw new IllegalStateException("Cannot stage partition " + partition + " in " + parquetFolder
                    + ": its rows did not arrive in the order of their sort key");
        }
        return answers.iterator();
    }

    /** Writes {@code rows} as part {@code number}, counting their classes into {@code classes}; returns the rows. */
    private long writePart(int number, Iterator<InternalRow> rows, ClassCounts classes) {
        long attempt = TaskContext.get().taskAttemptId();
        Part names = part(number, 0);
        Path parquetPart = names.parquet();
        Path csvPart = names.csv();
        Path parquetAttempt = Path.of(parquetFolder, String.format(".part-%05d-%d.tmp", number, attempt));
        Path csvAttempt = Path.of(csvFolder, String.format(".part-%05d-%d.tmp", number, attempt));
        TaskAttemptContextImpl context = new TaskAttemptContextImpl(hadoop.value(),
                new TaskAttemptID(new TaskID(new JobID("trex", 0), TaskType.MAP, number), (int) attempt));
        Path peopleAttempt = peopleFolder == null ? null
                : Path.of(peopleFolder, String.format(".part-%05d-%d.tmp", number, attempt));
        long count = 0;
        OutputWriter parquetWriter = parquet.newInstance(parquetAttempt.toUri().toString(), schema, context);
        // Parquet writes every column of what it is given, so with a sort key it gets a view without it.
        ProjectingInternalRow withoutKey = tieOrder == null ? null : leadingColumns(schema);
        boolean whole = false;
        try {
            try (OutputStream out = Files.newOutputStream(csvAttempt);
                    PeopleCounts people = peopleAttempt == null ? null
                            : PeopleCounts.open(peopleAttempt, personOrder)) {
                CsvFormat.Lines lines = csv.lines(out);
                while (rows.hasNext()) {
                    InternalRow row = rows.next();
                    if (withoutKey == null) {
                        parquetWriter.write(row);
                    } else {
                        withoutKey.project(row);
                        parquetWriter.write(withoutKey);
                    }
                    lines.row(row);
                    classes.add(row);
                    if (people != null && !row.isNullAt(person)) {
                        people.add(row.getUTF8String(person));
                    }
                    count++;
                }
                lines.flush();
            }
            parquetWriter.close();
            whole = true;
            Files.move(parquetAttempt, parquetPart, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.move(csvAttempt, csvPart, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (peopleAttempt != null) {
                Files.move(peopleAttempt, peoplePart(number), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write staged part " + number + " in " + parquetFolder + ": "
                    + e.getMessage(), e);
        } finally {
            if (!whole) {
                abandon(parquetWriter, parquetAttempt, csvAttempt, peopleAttempt);
            }
        }
        return count;
    }

    /** Spark's own ascending, nulls-first order over the tie-breaking columns. */
    private InterpretedOrdering contentOrder() {
        List<SortOrder> orders = Arrays.stream(tieOrder)
                .mapToObj(i -> new SortOrder(new BoundReference(i, schema.fields()[i].dataType(), true),
                        Ascending$.MODULE$, Ascending$.MODULE$.defaultNullOrdering(),
                        CollectionConverters.asScala(List.<Expression>of()).toList()))
                .toList();
        return new InterpretedOrdering(CollectionConverters.asScala(orders).toList());
    }

    /** A reusable view of a row's first {@code schema.length()} columns. */
    private static ProjectingInternalRow leadingColumns(StructType schema) {
        List<Object> ordinals = IntStream.range(0, schema.length()).boxed().map(Object.class::cast).toList();
        return ProjectingInternalRow.apply(schema, CollectionConverters.asScala(ordinals).toIndexedSeq());
    }

    /**
     * A failing task's files (null for one it does not write): closed and removed, best effort, as the task's own
     * failure is what it reports.
     */
    private static void abandon(OutputWriter parquetWriter, Path... files) {
        try {
            parquetWriter.close();
        } catch (RuntimeException ignored) {
            // The writer may already be broken by the failure being reported.
        }
        for (Path file : files) {
            if (file == null) {
                continue;
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // The scratch folder, and with it this file, goes when the run fails.
            }
        }
    }

    /** Rows counted by their measured values: the values' bytes (an unsafe row of them) are the class's key. */
    private final class ClassCounts {
        private final UnsafeProjection key = measured.length == 0 ? null : UnsafeProjection.create(
                CollectionConverters.asScala(Arrays.stream(measured)
                        .mapToObj(i -> (Expression) new BoundReference(i, schema.fields()[i].dataType(), true))
                        .toList()).toSeq());
        private final Map<UnsafeRow, long[]> sizes = new HashMap<>();

        void add(InternalRow row) {
            if (key == null) {
                return;
            }
            UnsafeRow values = key.apply(row);
            long[] size = sizes.get(values);
            if (size == null) {
                sizes.put(values.copy(), new long[] {1});
            } else {
                size[0]++;
            }
        }

        /** The classes counted since the last answer, with the part's number and rows; the driver sums them. */
        Object[] answer(int part, long rows) {
            byte[][] keys = new byte[sizes.size()][];
            long[] counts = new long[sizes.size()];
            int i = 0;
            for (Map.Entry<UnsafeRow, long[]> entry : sizes.entrySet()) {
                keys[i] = entry.getKey().getBytes();
                counts[i++] = entry.getValue()[0];
            }
            sizes.clear();
            return new Object[] {(long) part, rows, keys, counts};
        }
    }

    @Override
    public String toString() {
        return "trex_staged_parts(" + parquetFolder + ")";
    }
}
