package org.trex.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.trex.governance.DeletionNotice;
import org.trex.governance.NoticedPerson;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleaseRegister;
import org.trex.governance.ReleasedOutput;
import org.trex.notice.ParquetRows;

/**
 * The demo's TRE copy of its extract: the published extract copied to a folder of its own, then the rows a deletion
 * notice names deleted from it, in CSV and Parquet, as a TRE operator would; the published extract is left as it
 * was released, so {@code trex verify} still passes on it.
 */
final class DemoCopy {
    private DemoCopy() {
    }

    /** Copies the notice's released extract to {@code copy} and deletes the notice's rows there; returns the copy. */
    static Path make(DeletionNotice notice, Path copy) {
        copyOf(notice.release().release().extractPath(), copy);
        for (ReleasedOutput output : notice.release().release().outputs()) {
            if (output.kind() == ReleaseOutputKind.RECORDS && output.personColumn().isPresent()) {
                Set<String> named = named(notice, output.name());
                Path data = copy.resolve("data");
                deleteFromCsv(data.resolve(output.name() + ".csv"), output.personColumn().get(), named);
                deleteFromParquet(data.resolve(output.name() + ".parquet"), output.personColumn().get(), named);
            }
        }
        return copy;
    }

    /** Copies every file of {@code extract} to {@code copy}, as a TRE copies an extract it is given. */
    static Path copyOf(Path extract, Path copy) {
        try (Stream<Path> files = Files.walk(extract)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(extract.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    // As owner-only as the extract's own folders: the copy holds the same rows.
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(file));
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy extract " + extract + " to " + copy + ": " + e.getMessage(), e);
        }
        return copy;
    }

    /** The pseudonyms the notice names in one output. */
    static Set<String> named(DeletionNotice notice, String output) {
        return notice.people().stream().map(NoticedPerson::holdings).flatMap(List::stream)
                .filter(h -> h.output().equals(output)).map(ReleaseRegister.Holding::pseudonym)
                .collect(Collectors.toSet());
    }

    /** Rewrites a CSV file without the rows whose {@code column} is one of {@code pseudonyms}; none if absent. */
    static void deleteFromCsv(Path file, String column, Set<String> pseudonyms) {
        if (!Files.exists(file)) {
            return;
        }
        Path cleaned = file.resolveSibling(file.getFileName() + ".cleaned");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader);
                Writer writer = Files.newBufferedWriter(cleaned, StandardCharsets.UTF_8);
                CSVPrinter printer = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get().print(writer)) {
            printer.printRecord(parser.getHeaderNames());
            int index = parser.getHeaderMap().get(column);
            for (CSVRecord record : parser) {
                if (!pseudonyms.contains(record.get(index))) {
                    printer.printRecord(record.values());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete rows from " + file + ": " + e.getMessage(), e);
        }
        replace(cleaned, file);
    }

    /** Rewrites a Parquet file without the rows whose {@code column} is one of {@code pseudonyms}; none if absent. */
    static void deleteFromParquet(Path file, String column, Set<String> pseudonyms) {
        if (!Files.exists(file)) {
            return;
        }
        Path cleaned = file.resolveSibling(file.getFileName() + ".cleaned");
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            int index = schema.getFieldIndex(column);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(cleaned))
                    .withType(schema).build()) {
                ParquetRows.forEach(reader, schema, row -> {
                    if (row.getFieldRepetitionCount(index) == 0 || !pseudonyms.contains(row.getString(index, 0))) {
                        write(writer, row, file);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete rows from " + file + ": " + e.getMessage(), e);
        }
        replace(cleaned, file);
    }

    private static void write(ParquetWriter<Group> writer, Group row, Path file) {
        try {
            writer.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete rows from " + file + ": " + e.getMessage(), e);
        }
    }

    private static void replace(Path cleaned, Path file) {
        try {
            Files.setPosixFilePermissions(cleaned, Files.getPosixFilePermissions(file));
            Files.move(cleaned, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace " + file + ": " + e.getMessage(), e);
        }
    }
}
