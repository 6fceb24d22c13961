package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;

/**
 * Writes one output as exactly one Parquet and one CSV file, rows sorted on every column so the same
 * content always gives the same CSV bytes: the CSV's SHA-256 is the output's content digest.
 */
final class OutputWriter {
    private final Path dataDirectory;

    OutputWriter(Path dataDirectory) {
        // Absolute: on a cluster the executors write the part files, and their working folder is not ours.
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null").toAbsolutePath();
    }

    /** What was written for one output. */
    record Written(long rows, List<OutputResult.ColumnType> schema, List<WrittenFile> files, String contentSha256) {
    }

    Written write(String name, Dataset<Row> rows) {
        Column[] order = Arrays.stream(rows.columns()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Dataset<Row> sorted = rows.orderBy(order).coalesce(1).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long count = sorted.count();
            Path parquet = single(name, "parquet", sorted.write().mode(SaveMode.ErrorIfExists)
                    .option("compression", "zstd"), count);
            Path csv = single(name, "csv", sorted.write().mode(SaveMode.ErrorIfExists)
                    .option("header", "true").option("emptyValue", "\"\"").option("dateFormat", "yyyy-MM-dd"), count);
            List<OutputResult.ColumnType> schema = Arrays.stream(sorted.schema().fields())
                    .map(f -> new OutputResult.ColumnType(f.name(), f.dataType().simpleString())).toList();
            WrittenFile parquetFile = describe(parquet, "parquet", count);
            WrittenFile csvFile = describe(csv, "csv", count);
            return new Written(count, schema, List.of(parquetFile, csvFile), csvFile.sha256());
        } finally {
            sorted.unpersist();
        }
    }

    /** Writes through Spark into a scratch folder, then moves its one part file to {@code data/<name>.<ext>}. */
    private Path single(String name, String format, org.apache.spark.sql.DataFrameWriter<Row> writer, long rows) {
        Path scratch = dataDirectory.resolve(".write-" + name + "-" + format);
        Path target = dataDirectory.resolve(name + "." + format);
        writer.format(format).save(scratch.toString());
        try (Stream<Path> files = Files.list(scratch)) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith("part-")
                    && !p.getFileName().toString().endsWith(".crc")).toList();
            if (parts.size() != 1) {
                throw new IllegalStateException("Cannot write output " + name + " as " + format + ": Spark wrote "
                        + parts.size() + " part files for " + rows + " rows, expected 1");
            }
            Files.move(parts.get(0), target);
            deleteTree(scratch);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write output " + name + " as " + format + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private WrittenFile describe(Path file, String format, long rows) {
        try {
            return new WrittenFile(dataDirectory.getFileName() + "/" + file.getFileName(), format, rows, Files.size(file), sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read written file " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute SHA-256: the JVM lacks it", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
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
