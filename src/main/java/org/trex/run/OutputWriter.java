package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import org.trex.extract.FileDigests;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes one output as exactly one Parquet and one CSV file. The CSV's rows are sorted on every column so
 * the same content always gives the same bytes: its SHA-256 is the output's content digest.
 */
final class OutputWriter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OutputWriter.class);
    private final Path dataDirectory;

    OutputWriter(Path dataDirectory) {
        // Absolute: on a cluster the executors write the part files, and their working folder is not ours.
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null").toAbsolutePath();
    }

    /** What was written for one output. */
    record Written(long rows, List<OutputResult.ColumnType> schema, List<WrittenFile> files, String contentSha256) {
    }

    Written write(String name, Dataset<Row> rows) {
        long started = System.nanoTime();
        long count = rows.count();
        long counted = System.nanoTime();
        Path parquet = singleParquet(name, rows);
        long parquetWritten = System.nanoTime();
        Path csv = sortedCsv(name, rows);
        LOG.info("Output {}: {} rows (disclosure control and count {} ms), Parquet {} ms, sorted CSV {} ms", name, count,
                (counted - started) / 1_000_000, (parquetWritten - counted) / 1_000_000, (System.nanoTime() - parquetWritten) / 1_000_000);
        List<OutputResult.ColumnType> schema = Arrays.stream(rows.schema().fields())
                .map(f -> new OutputResult.ColumnType(f.name(), f.dataType().simpleString())).toList();
        WrittenFile parquetFile = describe(parquet, "parquet", count);
        WrittenFile csvFile = describe(csv, "csv", count);
        return new Written(count, schema, List.of(parquetFile, csvFile), csvFile.sha256());
    }

    /** Parquet needs no order: one task writes the one file, with no sort before it. */
    private Path singleParquet(String name, Dataset<Row> rows) {
        Path scratch = dataDirectory.resolve(".write-" + name + "-parquet");
        Path target = dataDirectory.resolve(name + ".parquet");
        rows.coalesce(1).write().mode(SaveMode.ErrorIfExists).option("compression", "zstd").parquet(scratch.toString());
        try {
            List<Path> parts = parts(scratch, ".parquet");
            if (parts.size() != 1) {
                throw new IllegalStateException("Cannot write output " + name + " as Parquet: Spark wrote "
                        + parts.size() + " part files, expected 1");
            }
            Files.move(parts.get(0), target);
            deleteTree(scratch);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write output " + name + " as Parquet to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * The CSV is sorted on every column so the same rows always give the same bytes. Spark sorts in range
     * partitions in parallel; their part files, in partition order, concatenate into one sorted file under
     * one header.
     */
    private Path sortedCsv(String name, Dataset<Row> rows) {
        Path scratch = dataDirectory.resolve(".write-" + name + "-csv");
        Path target = dataDirectory.resolve(name + ".csv");
        Column[] order = Arrays.stream(rows.columns()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        rows.orderBy(order).write().mode(SaveMode.ErrorIfExists)
                .option("header", "false").option("emptyValue", "\"\"").option("dateFormat", "yyyy-MM-dd")
                .csv(scratch.toString());
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            out.write((String.join(",", rows.columns()) + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path part : parts(scratch, ".csv")) {
                Files.copy(part, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write output " + name + " as CSV to " + target + ": " + e.getMessage(), e);
        }
        try {
            deleteTree(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove scratch folder " + scratch + ": " + e.getMessage(), e);
        }
        return target;
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

    private WrittenFile describe(Path file, String format, long rows) {
        try {
            return new WrittenFile(dataDirectory.getFileName() + "/" + file.getFileName(), format, rows, Files.size(file),
                    FileDigests.sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read written file " + file + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path root) throws IOException {
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
