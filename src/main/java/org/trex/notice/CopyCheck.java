package org.trex.notice;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.trex.extract.FileDigests;
import org.trex.extract.IoReasons;
import org.trex.extract.Manifest;
import org.trex.governance.CheckedCopy;
import org.trex.governance.DeletionNotice;
import org.trex.governance.ReleaseOutputKind;
import org.trex.governance.ReleaseRegister;
import org.trex.governance.ReleasedOutput;

/**
 * Reads a copy of a released extract as the TRE holds it ({@code manifest.json}, {@code data/<output>.csv} and
 * {@code .parquet}) and checks that it holds no row of anyone a deletion notice names, in every form present, before
 * the notice is recorded done; an output without a person column that holds someone the notice names must be gone
 * whole, as no check can find their rows in it. A folder that is not a copy of the notice's release, or a file that is
 * not its output, is refused with {@link IllegalArgumentException}; a copy that still holds rows to delete, or more
 * rows than the release less the notice's, with {@link IllegalStateException}. Messages name files and lines, never
 * a pseudonym.
 */
public final class CopyCheck {
    /** Enough lines to find the rows in an editor; the count says how many there are. */
    private static final int LINES_SHOWN = 10;

    private CopyCheck() {
    }

    /** Checks {@code copy} against {@code notice}; returns what was read, for the acknowledgement's record. */
    public static CheckedCopy check(DeletionNotice notice, Path copy) {
        requireNonNull(notice, "notice is null");
        requireNonNull(copy, "copy is null");
        Path folder = copy.toAbsolutePath().normalize();
        if (!NoticeFiles.rowsToDelete(notice)) {
            throw new IllegalArgumentException(refusal(notice) + "it names no row to delete (its people were counted"
                    + " in aggregates alone), so there is nothing to check in copy " + folder + "; acknowledge it"
                    + " without --copy");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(refusal(notice) + "copy " + folder + " is not a folder");
        }
        if (!Files.isRegularFile(folder.resolve(Manifest.FILE_NAME))) {
            throw new IllegalArgumentException(refusal(notice) + "copy " + folder + " has no " + Manifest.FILE_NAME
                    + ": it is not a copy of an extract as TREx writes one");
        }
        Manifest manifest;
        try {
            manifest = Manifest.read(folder);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(refusal(notice) + "copy " + folder + " is not a copy of an extract: "
                    + e.getMessage(), e);
        }
        String extract = notice.release().release().extractId();
        String run = notice.release().release().runId();
        if (!manifest.extract().equals(extract) || !manifest.runId().toString().equals(run)) {
            throw new IllegalArgumentException(refusal(notice) + "copy " + folder + " is of extract "
                    + manifest.extract() + " run " + manifest.runId() + ", not of the notice's release: extract "
                    + extract + " run " + run);
        }
        List<CheckedCopy.CheckedFile> files = new ArrayList<>();
        List<String> deletedWhole = new ArrayList<>();
        List<String> remaining = new ArrayList<>();
        for (ReleasedOutput output : notice.release().release().outputs()) {
            if (output.kind() != ReleaseOutputKind.RECORDS
                    || !notice.outputs(ReleaseOutputKind.RECORDS).contains(output.name())) {
                continue;
            }
            Optional<String> column = output.personColumn();
            if (column.isPresent()) {
                files.addAll(checkOutput(notice, folder, output, column.get(), remaining));
            } else if (deletedWhole(notice, folder, output, remaining)) {
                deletedWhole.add(output.name());
            }
        }
        if (!remaining.isEmpty()) {
            throw new IllegalStateException(refusal(notice) + "copy " + folder + " still holds "
                    + String.join("; and ", remaining));
        }
        return new CheckedCopy(folder, files, deletedWhole);
    }

    /**
     * Whether the copy holds neither form of an output without a person column that holds someone the notice names:
     * no check can find their rows in it, so the whole output must go.
     */
    private static boolean deletedWhole(DeletionNotice notice, Path folder, ReleasedOutput output,
            List<String> remaining) {
        List<String> held = Arrays.stream(Form.values()).map(form -> "data/" + output.name() + form.suffix)
                .filter(path -> Files.exists(folder.resolve(path))).toList();
        if (held.isEmpty()) {
            return true;
        }
        long rows = notice.holdings(output.name()).stream().mapToLong(ReleaseRegister.Holding::rows).sum();
        remaining.add(String.join(" and ", held) + ", whose " + rows + (rows == 1 ? " row" : " rows") + " of people the"
                + " notice names no check can find, as " + output.name() + " has no person column: delete the whole"
                + " output");
        return false;
    }

    private static List<CheckedCopy.CheckedFile> checkOutput(DeletionNotice notice, Path folder, ReleasedOutput output,
            String column, List<String> remaining) {
        List<ReleaseRegister.Holding> held = notice.holdings(output.name());
        Set<String> named = held.stream().map(ReleaseRegister.Holding::pseudonym).collect(Collectors.toSet());
        long most = output.rows() - held.stream().mapToLong(ReleaseRegister.Holding::rows).sum();
        List<CheckedCopy.CheckedFile> checked = new ArrayList<>();
        int remainingBefore = remaining.size();
        for (Form form : Form.values()) {
            String path = "data/" + output.name() + form.suffix;
            Path file = folder.resolve(path);
            if (!Files.exists(file)) {
                continue;
            }
            Scan scan = form == Form.CSV ? csv(notice, file, path, column, named)
                    : parquet(notice, file, path, column, named);
            if (!scan.found().isEmpty()) {
                int found = scan.found().size();
                remaining.add(found + (found == 1 ? " row of " : " rows of ") + output.name() + " whose person the"
                        + " notice names (" + path + " " + (found == 1 ? form.position : form.positions) + " "
                        + shown(scan.found()) + ")");
            } else if (scan.rows() > most) {
                throw new IllegalStateException(refusal(notice) + "copy " + folder + " holds " + scan.rows()
                        + " rows of " + output.name() + " in " + path + ", more than the " + most + " left of the "
                        + output.rows() + " released once the notice's rows are deleted: it is not that release's "
                        + output.name() + " cleaned of them");
            }
            checked.add(new CheckedCopy.CheckedFile(path, output.name(), FileDigests.sha256(file), scan.rows()));
        }
        if (checked.isEmpty()) {
            throw new IllegalArgumentException(refusal(notice) + "copy " + folder + " holds neither data/"
                    + output.name() + ".csv nor data/" + output.name() + ".parquet, the output the notice names");
        }
        // Forms that differ by the rows still to delete are told as those rows, not as forms differing.
        if (remaining.size() == remainingBefore
                && checked.stream().map(CheckedCopy.CheckedFile::rows).distinct().count() > 1) {
            throw new IllegalStateException(refusal(notice) + "copy " + folder + " holds " + checked.stream()
                    .map(f -> f.rows() + " rows in " + f.path()).collect(Collectors.joining(" but "))
                    + ": its forms of " + output.name() + " were not cleaned alike");
        }
        return checked;
    }

    /** The rows of one file and where the named people's rows are in it (line or row numbers from 1). */
    private record Scan(long rows, List<Long> found) {
    }

    /** The forms an extract writes each record-level output in, and how a place in each is counted. */
    private enum Form {
        CSV(".csv", "line", "lines"),
        PARQUET(".parquet", "row", "rows");

        private final String suffix;
        private final String position;
        private final String positions;

        Form(String suffix, String position, String positions) {
            this.suffix = suffix;
            this.position = position;
            this.positions = positions;
        }
    }

    private static Scan csv(DeletionNotice notice, Path file, String path, String column, Set<String> named) {
        // Malformed UTF-8 is an error here, not a replacement character that would hide a pseudonym.
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
            Integer index = parser.getHeaderMap().get(column);
            if (index == null) {
                throw notThatOutput(notice, file, path, "it has no column " + column);
            }
            List<Long> found = new ArrayList<>();
            long rows = 0;
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // The parser reads the next record in hasNext: it starts on the line after those read so far.
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                rows++;
                if (index < record.size() && named.contains(record.get(index))) {
                    found.add(line);
                }
            }
            return new Scan(rows, found);
        } catch (IOException e) {
            throw notThatOutput(notice, file, path, "it cannot be read as CSV (" + IoReasons.of(e) + ")");
        } catch (UncheckedIOException e) {
            // commons-csv's own message quotes the text it could not read.
            throw notThatOutput(notice, file, path, "it cannot be read as CSV (" + IoReasons.of(e.getCause()) + ")");
        }
    }

    private static Scan parquet(DeletionNotice notice, Path file, String path, String column, Set<String> named) {
        try (ParquetFileReader reader = openParquet(notice, file, path)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            if (!schema.containsField(column) || !isText(schema.getType(column))) {
                throw notThatOutput(notice, file, path, "it has no text column " + column);
            }
            // Only the person column is read: its pages are a small part of the file.
            MessageType projection = new MessageType(schema.getName(), schema.getType(column));
            List<Long> found = new ArrayList<>();
            long[] rows = {0};
            ParquetRows.forEach(reader, projection, row -> {
                rows[0]++;
                if (row.getFieldRepetitionCount(0) > 0 && named.contains(row.getString(0, 0))) {
                    found.add(rows[0]);
                }
            });
            return new Scan(rows[0], found);
        } catch (IOException e) {
            throw notThatOutput(notice, file, path, "it cannot be read as Parquet (" + IoReasons.of(e) + ")");
        } catch (ParquetDecodingException e) {
            throw notThatOutput(notice, file, path, "its Parquet pages cannot be decoded");
        }
    }

    private static ParquetFileReader openParquet(DeletionNotice notice, Path file, String path) {
        try {
            return ParquetFileReader.open(new LocalInputFile(file));
        } catch (IOException | RuntimeException e) {
            // Parquet's reader says a file without its magic number is none with a RuntimeException.
            throw notThatOutput(notice, file, path, "it is not a Parquet file");
        }
    }

    private static boolean isText(Type type) {
        return type.isPrimitive()
                && type.asPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY;
    }

    private static IllegalArgumentException notThatOutput(DeletionNotice notice, Path file, String path, String why) {
        return new IllegalArgumentException(refusal(notice) + "copy " + file.getParent().getParent() + " holds "
                + path + ", but " + why);
    }

    private static String shown(List<Long> positions) {
        String listed = positions.stream().limit(LINES_SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
        return positions.size() > LINES_SHOWN ? listed + " and " + (positions.size() - LINES_SHOWN) + " more" : listed;
    }

    private static String refusal(DeletionNotice notice) {
        return "Cannot acknowledge " + notice.id() + ": ";
    }
}
