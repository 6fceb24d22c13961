package org.trex.run;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.InputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.types.StructType;
import org.trex.extract.ExtractDirectory;
import org.trex.extract.FileDigests;

/**
 * Writes one output as exactly one Parquet and one CSV file, both with their rows in an order fixed by their
 * content (by the leading pseudonym, the person's where there is one, then a hash of the row, then every column; see
 * {@link HexRangeBuckets}), so the same content always gives the same CSV bytes: its SHA-256 is the output's content
 * digest. The Parquet file's bytes are the same from run to run too, once its footer is put in canonical form
 * ({@link ParquetFooter}). Ordering on content also means the row order says nothing about the source's order.
 *
 * <p>Rows are first staged: range-partitioned and sorted in parallel (or, when they lie in one partition, sorted
 * there and cut into the same ranges), each range written in one pass as a Parquet part and a CSV part ({@link
 * StagedParts}), the parts' order being the rows' order, so the parts are the same however the rows came. Staging
 * measures the classes of the values it is asked to, and disclosure control may stage a changed copy. Publishing joins
 * the Parquet parts into one file by copying their row groups (nothing is encoded again) and the CSV parts under one
 * header; no row is read again.
 */
final class OutputWriter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutputWriter.class);
    private static final String PARQUET_COMPRESSION = "zstd";
    private static final String PARQUET = "parquet";
    private static final String CSV = "csv";
    private static final String PEOPLE = "people";
    /** The sort key's column while rows are staged; never written. */
    private static final String ORDER_KEY = "trex_order_key";
    private static final Configuration RAW_LOCAL = rawLocalFileSystem();

    private final SparkSession spark;
    private final Path dataDirectory;
    private final int partitions;
    // Outputs released ahead stage from a thread of their own (ReleasesAhead).
    private final AtomicInteger scratchFolders = new AtomicInteger();

    OutputWriter(SparkSession spark, Path dataDirectory, int partitions) {
        this.spark = requireNonNull(spark, "spark is null");
        // Absolute: on a cluster the executors write the part files, and their working folder is not ours.
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null").toAbsolutePath();
        if (partitions < 1) {
            throw new IllegalArgumentException("Cannot write in " + partitions + " partitions: use 1 or more");
        }
        this.partitions = partitions;
    }

    /**
     * An output's rows, sorted, in Parquet and CSV part files under a scratch folder, nothing final yet; and the
     * classes of equal values in the columns staging was asked to measure, with their sizes.
     */
    record Staged(String name, Path folder, List<StagedParts.Part> parts, long rows, StructType schema,
            QuasiIdentifierClasses classes, List<Path> people) {
        Staged {
            requireNonNull(name, "name is null");
            requireNonNull(folder, "folder is null");
            parts = List.copyOf(requireNonNull(parts, "parts is null"));
            requireNonNull(schema, "schema is null");
            requireNonNull(classes, "classes is null");
            people = List.copyOf(requireNonNull(people, "people is null"));
        }
    }

    /**
     * What was written for one output, and the files of the people its rows hold ({@link PeopleCounts}), kept in a
     * hidden folder of the data directory for the release register; the caller removes them.
     */
    record Written(long rows, List<OutputResult.ColumnType> schema, List<WrittenFile> files, String contentSha256,
            List<Path> people) {
    }

    /**
     * Sorts and stages {@code rows}, measuring the classes of equal values in the {@code measured} columns (none
     * when empty). The {@code person} column of person pseudonyms leads the order, or else the first of the {@code
     * pseudonyms} columns, and then the rows are staged in one part for each range of its values, known without
     * looking at the data; rows that lie in one partition are sorted where they are and cut into the same parts.
     * Without a pseudonym the rows are staged as one part. With a person column, the same pass counts each person's
     * rows, each person in one part.
     */
    Staged stage(String name, Dataset<Row> rows, List<String> pseudonyms, List<String> measured,
            Optional<String> person) {
        requireNonNull(name, "name is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(pseudonyms, "pseudonyms is null");
        requireNonNull(measured, "measured is null");
        requireNonNull(person, "person is null");
        // The person's pseudonym leads when there is one, whatever the spec lists first: the ranges then hold each
        // person's rows in one part, so each part counts its own people and the register, keyed by person, takes them.
        Optional<String> leadingPseudonym = person.filter(pseudonyms::contains).or(() -> pseudonyms.stream()
                .findFirst());
        List<String> columns = List.of(rows.columns());
        List<String> orderNames = new ArrayList<>();
        leadingPseudonym.ifPresent(orderNames::add);
        columns.stream().filter(c -> !orderNames.contains(c)).forEach(orderNames::add);
        Column[] order = orderNames.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        // A shuffle of rows that lie in one partition (a one-partition read's) into parts costs more than writing the
        // parts side by side saves (docs/performance.md, "Measured 2026-12-05, sixth").
        boolean onePart = inOnePartition(rows);
        Dataset<Row> sorted;
        Optional<StagedParts.SortKey> sortKey;
        if (leadingPseudonym.isPresent()) {
            HexRangeBuckets buckets = new HexRangeBuckets(partitions);
            Column lead = rows.col(leadingPseudonym.get());
            // Sorting on the one long key alone lets Spark sort by radix; staging puts the rare ties in content order.
            // The key is added after the shuffle, which then carries no more than the rows.
            Dataset<Row> spread = onePart ? rows.coalesce(1) : rows.repartition(partitions, buckets.partitionKey(lead));
            sorted = spread.withColumn(ORDER_KEY, buckets.orderKey(spread.col(leadingPseudonym.get()), xxhash64(order)))
                    .sortWithinPartitions(ORDER_KEY);
            // Rows in one partition are written in the slices' parts all the same, so the Parquet file's row groups
            // are the same however many partitions the read took (PostgreSQL's estimate of its rows decides that).
            sortKey = Optional.of(new StagedParts.SortKey(orderNames, onePart ? Optional.of(buckets)
                    : Optional.empty()));
        } else {
            // With no pseudonym to cut ranges by, the rows go to one part: ranges of Spark's own would come from a
            // sample of the read's partitions (a second read of the source), so the Parquet file's row groups would
            // follow how many partitions the read took.
            Dataset<Row> spread = onePart ? rows.coalesce(1) : rows.repartition(1);
            sorted = spread.sortWithinPartitions(order);
            sortKey = Optional.empty();
        }
        return staged(name, rows.schema(), sorted, pseudonyms, measured, sortKey, person);
    }

    /** Whether Spark makes {@code rows} in one partition: no exchange between them and a one-partition read. */
    private static boolean inOnePartition(Dataset<Row> rows) {
        SparkPlan plan = rows.queryExecution().executedPlan();
        // Adaptive execution re-plans as its stages run; the plan it starts from says how the rows come.
        SparkPlan start = plan instanceof AdaptiveSparkPlanExec adaptive ? adaptive.inputPlan() : plan;
        return start.outputPartitioning().numPartitions() == 1;
    }

    /**
     * Stages rows few enough to be held by the driver (an aggregate's released rows) as one part, in the order
     * given (made from their content alone: {@link MeasuredAggregate#released}), so neither sampled nor shuffled.
     */
    Staged stageFew(String name, Dataset<Row> rows) {
        requireNonNull(name, "name is null");
        requireNonNull(rows, "rows is null");
        return staged(name, rows.schema(), rows.coalesce(1), List.of(), List.of(), Optional.empty(), Optional.empty());
    }

    private Staged staged(String name, StructType schema, Dataset<Row> sorted, List<String> pseudonyms,
            List<String> measured, Optional<StagedParts.SortKey> sortKey, Optional<String> person) {
        long started = System.nanoTime();
        Path folder = dataDirectory.resolve(".stage-" + name + "-" + scratchFolders.incrementAndGet());
        try {
            Files.createDirectory(folder);
            Optional<StagedParts.People> people = person.isEmpty() ? Optional.empty()
                    : Optional.of(new StagedParts.People(person.get(), Files.createDirectory(folder.resolve(PEOPLE))));
            StagedParts.Written written =
                    StagedParts.write(spark, sorted, Files.createDirectory(folder.resolve(PARQUET)),
                    Files.createDirectory(folder.resolve(CSV)), PARQUET_COMPRESSION, pseudonyms, measured, sortKey,
                    people);
            long count = written.parts().stream().mapToLong(StagedParts.Part::rows).sum();
            LOG.info("Output {}: staged {} rows, sorted, as Parquet and CSV in {} ms", name, count,
                    (System.nanoTime() - started) / 1_000_000);
            return new Staged(name, folder, written.parts(), count, schema, written.classes(), written.people());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage output " + name + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The staged rows, for measuring and for deriving a changed copy. */
    Dataset<Row> read(Staged staged) {
        // Given the schema, Spark need not open every part's footer to infer it.
        return spark.read().schema(staged.schema()).parquet(staged.folder().resolve(PARQUET).toString());
    }

    /** Turns staged rows into the output's one Parquet and one CSV file, and removes the scratch folder. */
    Written publish(Staged staged) {
        requireNonNull(staged, "staged is null");
        long started = System.nanoTime();
        Path parquet = dataDirectory.resolve(staged.name() + ".parquet");
        Path csv = dataDirectory.resolve(staged.name() + ".csv");
        List<OutputResult.ColumnType> schema = Arrays.stream(staged.schema().fields())
                .map(f -> new OutputResult.ColumnType(f.name(), f.dataType().simpleString())).toList();
        joinCsv(staged, csv);
        // The CSV is digested while the Parquet parts are joined: the two share no file.
        CompletableFuture<String> csvDigest = CompletableFuture.supplyAsync(() -> FileDigests.sha256(csv));
        try {
            joinParts(staged.parts().stream().map(StagedParts.Part::parquet).toList(), parquet);
            ParquetFooter.canonicalise(parquet);
            List<Path> people = keepPeople(staged.name(), staged.people());
            discard(staged);
            WrittenFile parquetFile = describe(parquet, "parquet", staged.rows(), FileDigests.sha256(parquet));
            String csvSha256 = Futures.joined(csvDigest);
            WrittenFile csvFile = describe(csv, "csv", staged.rows(), csvSha256);
            LOG.info("Output {}: published its Parquet and CSV files, digested, in {} ms", staged.name(),
                    (System.nanoTime() - started) / 1_000_000);
            return new Written(staged.rows(), schema, List.of(parquetFile, csvFile), csvSha256, people);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write output " + staged.name() + " as Parquet to " + parquet + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Counts the rows of each person in the {@code column} of person pseudonyms of {@code rows}, for an output whose
     * rows are not staged (an aggregate's): the column alone is shuffled so each person lands in one part.
     */
    List<Path> countPeople(String name, Dataset<Row> rows, String column) {
        Path folder = peopleFolder(name);
        try {
            createPeopleFolder(name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot count the people of output " + name + " in " + folder + ": "
                    + e.getMessage(), e);
        }
        return PeopleCounts.countAll(rows.select(column).repartition(partitions, rows.col(column)), folder);
    }

    /** Moves the staged people files out of the scratch folder that is about to go. */
    private List<Path> keepPeople(String name, List<Path> staged) throws IOException {
        if (staged.isEmpty()) {
            return List.of();
        }
        Path folder = createPeopleFolder(name);
        List<Path> kept = new ArrayList<>();
        for (Path part : staged) {
            kept.add(Files.move(part, folder.resolve(part.getFileName())));
        }
        return List.copyOf(kept);
    }

    /**
     * Beside the data, in the staging folder's part that is never published: the register's, not the extract's. Named
     * for the data folder too, as jobs that share a parent folder (tests, benches) share that part.
     */
    private Path peopleFolder(String name) {
        return dataDirectory.resolveSibling(ExtractDirectory.UNPUBLISHED)
                .resolve(dataDirectory.getFileName() + "-people-" + name);
    }

    private Path createPeopleFolder(String name) throws IOException {
        Path folder = peopleFolder(name);
        Files.createDirectories(folder.getParent());
        return Files.createDirectory(folder);
    }

    /** Removes a staged copy that will not be published. */
    void discard(Staged staged) {
        removeScratch(staged.folder());
    }

    private static void removeScratch(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove scratch folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The CSV parts under one header, joined by the kernel (no copy through Java). */
    private static void joinCsv(Staged staged, Path target) {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.wrap(new CsvFormat(staged.schema()).header());
            while (header.hasRemaining()) {
                out.write(header);
            }
            for (StagedParts.Part part : staged.parts()) {
                try (FileChannel in = FileChannel.open(part.csv(), StandardOpenOption.READ)) {
                    for (long done = 0, size = in.size(); done < size; ) {
                        done += in.transferTo(done, size - done, out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write output " + staged.name() + " as CSV to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /** Copies the parts' row groups, in order, into one file under the first part's schema and metadata. */
    private static void joinParts(List<Path> parts, Path target) throws IOException {
        if (parts.size() == 1) {
            Files.move(parts.get(0), target);
            return;
        }
        FileMetaData first;
        try (ParquetFileReader reader = ParquetFileReader.open(localFile(parts.get(0)))) {
            first = reader.getFooter().getFileMetaData();
        }
        ParquetFileWriter writer = new ParquetFileWriter(HadoopOutputFile.fromPath(hadoopPath(target), RAW_LOCAL),
                first.getSchema(), ParquetFileWriter.Mode.CREATE, ParquetWriter.DEFAULT_BLOCK_SIZE, 0);
        writer.start();
        for (Path part : parts) {
            writer.appendFile(localFile(part));
        }
        writer.end(first.getKeyValueMetaData());
    }

    private static InputFile localFile(Path file) throws IOException {
        return HadoopInputFile.fromPath(hadoopPath(file), RAW_LOCAL);
    }

    private static org.apache.hadoop.fs.Path hadoopPath(Path file) {
        return new org.apache.hadoop.fs.Path(file.toUri());
    }

    private static Configuration rawLocalFileSystem() {
        Configuration conf = withoutChecksumFiles(new Configuration(false));
        conf.setInt("io.file.buffer.size", 1 << 20);
        return conf;
    }

    /** Local files without the checksum files Hadoop's default local file system writes beside them. */
    static Configuration withoutChecksumFiles(Configuration conf) {
        conf.set("fs.file.impl", RawLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    private WrittenFile describe(Path file, String format, long rows, String sha256) throws IOException {
        return new WrittenFile(dataDirectory.getFileName() + "/" + file.getFileName(), format, rows, Files.size(file),
                sha256);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
