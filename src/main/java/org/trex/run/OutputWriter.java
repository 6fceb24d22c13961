package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
import org.apache.spark.sql.types.StructType;
import org.trex.extract.FileDigests;

/**
 * Writes one output as exactly one Parquet and one CSV file, both with their rows sorted on every column, so
 * the same content always gives the same CSV bytes: its SHA-256 is the output's content digest. Sorting on
 * content also means the row order says nothing about the source's order.
 *
 * <p>Rows are first staged: range-partitioned and sorted in parallel, written as Parquet part files whose
 * order is the rows' order. Disclosure control measures the staged rows (cheap, columnar) and may stage a
 * changed copy. Publishing then joins the parts into one Parquet file by copying their row groups (nothing is
 * encoded again) and writes the CSV from them, in order, under one header.
 */
final class OutputWriter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutputWriter.class);
    private static final String PARQUET_COMPRESSION = "zstd";
    private static final Configuration RAW_LOCAL = rawLocalFileSystem();

    private final SparkSession spark;
    private final Path dataDirectory;
    private final int partitions;
    private int scratchFolders;

    OutputWriter(SparkSession spark, Path dataDirectory, int partitions) {
        this.spark = requireNonNull(spark, "spark is null");
        // Absolute: on a cluster the executors write the part files, and their working folder is not ours.
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null").toAbsolutePath();
        if (partitions < 1) {
            throw new IllegalArgumentException("Cannot write in " + partitions + " partitions: use 1 or more");
        }
        this.partitions = partitions;
    }

    /** An output's rows, sorted, in Parquet part files under a scratch folder; nothing final yet. */
    record Staged(String name, Path folder, List<Path> parts, long rows, StructType schema) {
        Staged {
            requireNonNull(name, "name is null");
            requireNonNull(folder, "folder is null");
            parts = List.copyOf(requireNonNull(parts, "parts is null"));
            requireNonNull(schema, "schema is null");
        }
    }

    /** What was written for one output. */
    record Written(long rows, List<OutputResult.ColumnType> schema, List<WrittenFile> files, String contentSha256) {
    }

    /**
     * Sorts and stages {@code rows}. With a column of pseudonyms to lead the order, the ranges are known without
     * looking at the data; without one, Spark samples the rows first to find them.
     */
    Staged stage(String name, Dataset<Row> rows, Optional<String> leadingPseudonym) {
        requireNonNull(name, "name is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(leadingPseudonym, "leadingPseudonym is null");
        long started = System.nanoTime();
        List<String> columns = List.of(rows.columns());
        List<String> orderNames = new ArrayList<>();
        leadingPseudonym.ifPresent(orderNames::add);
        columns.stream().filter(c -> !orderNames.contains(c)).forEach(orderNames::add);
        Column[] order = orderNames.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Dataset<Row> ranged = leadingPseudonym.isPresent()
                ? rows.repartition(partitions, new HexRangeBuckets(partitions).partitionKey(rows.col(leadingPseudonym.get())))
                : rows.repartitionByRange(partitions, order);
        Path folder = dataDirectory.resolve(".stage-" + name + "-" + (++scratchFolders));
        ranged.sortWithinPartitions(order).write().mode(SaveMode.ErrorIfExists)
                .option("compression", PARQUET_COMPRESSION).parquet(folder.toString());
        try {
            List<Path> parts = parts(folder, ".parquet");
            if (parts.isEmpty()) {
                throw new IllegalStateException("Cannot stage output " + name + ": Spark wrote no Parquet part file");
            }
            long count = rowCount(parts);
            LOG.info("Output {}: staged {} rows, sorted, in {} ms", name, count,
                    (System.nanoTime() - started) / 1_000_000);
            return new Staged(name, folder, parts, count, rows.schema());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage output " + name + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The staged rows, for measuring and for deriving a changed copy. */
    Dataset<Row> read(Staged staged) {
        return parquet(staged, staged.folder());
    }

    /** Given the schema, Spark need not open every part's footer to infer it. */
    private Dataset<Row> parquet(Staged staged, Path path) {
        return spark.read().schema(staged.schema()).parquet(path.toString());
    }

    /** Turns staged rows into the output's one Parquet and one CSV file, and removes the scratch folder. */
    Written publish(Staged staged) {
        requireNonNull(staged, "staged is null");
        long started = System.nanoTime();
        Path parquet = dataDirectory.resolve(staged.name() + ".parquet");
        Path csv = dataDirectory.resolve(staged.name() + ".csv");
        Dataset<Row> inOrder = inOrder(staged);
        List<OutputResult.ColumnType> schema = Arrays.stream(inOrder.schema().fields())
                .map(f -> new OutputResult.ColumnType(f.name(), f.dataType().simpleString())).toList();
        String csvSha256 = writeCsv(staged, inOrder, csv);
        long csvWritten = System.nanoTime();
        try {
            joinParts(staged.parts(), parquet);
            discard(staged);
            LOG.info("Output {}: CSV {} ms, Parquet {} ms", staged.name(), (csvWritten - started) / 1_000_000,
                    (System.nanoTime() - csvWritten) / 1_000_000);
            WrittenFile parquetFile = describe(parquet, "parquet", staged.rows(), FileDigests.sha256(parquet));
            WrittenFile csvFile = describe(csv, "csv", staged.rows(), csvSha256);
            return new Written(staged.rows(), schema, List.of(parquetFile, csvFile), csvSha256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write output " + staged.name() + " as Parquet to " + parquet + ": " + e.getMessage(), e);
        }
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

    /** One scan per part, unioned: the partitions, and so the CSV part files, keep the parts' order. */
    private Dataset<Row> inOrder(Staged staged) {
        Dataset<Row> rows = null;
        for (Path part : staged.parts()) {
            Dataset<Row> one = parquet(staged, part);
            rows = rows == null ? one : rows.union(one);
        }
        return rows;
    }

    private String writeCsv(Staged staged, Dataset<Row> rows, Path target) {
        Path scratch = dataDirectory.resolve(".write-" + staged.name() + "-csv");
        rows.write().mode(SaveMode.ErrorIfExists)
                .option("header", "false").option("emptyValue", "\"\"").option("dateFormat", "yyyy-MM-dd")
                .csv(scratch.toString());
        MessageDigest sha256 = sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW), sha256)) {
            out.write((String.join(",", staged.schema().fieldNames()) + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path part : parts(scratch, ".csv")) {
                Files.copy(part, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write output " + staged.name() + " as CSV to " + target + ": " + e.getMessage(), e);
        }
        removeScratch(scratch);
        return HexFormat.of().formatHex(sha256.digest());
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
        // Buffered local files without the checksum files Hadoop's default local file system adds beside them.
        Configuration conf = new Configuration(false);
        conf.set("fs.file.impl", RawLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        conf.setInt("io.file.buffer.size", 1 << 20);
        return conf;
    }

    private static long rowCount(List<Path> parts) throws IOException {
        long rows = 0;
        for (Path part : parts) {
            try (ParquetFileReader reader = ParquetFileReader.open(localFile(part))) {
                rows += reader.getFooter().getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
            }
        }
        return rows;
    }

    /** Spark's part files in partition order (their names carry the partition number). */
    private static List<Path> parts(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-")
                            && p.getFileName().toString().endsWith(extension))
                    .sorted()
                    .toList();
        }
    }

    private WrittenFile describe(Path file, String format, long rows, String sha256) throws IOException {
        return new WrittenFile(dataDirectory.getFileName() + "/" + file.getFileName(), format, rows, Files.size(file), sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot digest the CSV: this Java has no SHA-256", e);
        }
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
