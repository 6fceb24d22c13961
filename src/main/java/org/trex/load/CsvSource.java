package org.trex.load;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trex.spec.SourceMapping;

/**
 * One CSV file of a national layout (UTF-8, a byte order mark allowed, LF or CRLF, RFC 4180 quoting), read
 * once: its header is matched to the layout through a mapping, its rows are handed out with their line, and
 * its SHA-256 is taken from the same bytes. A file that is empty, binary, not comma-separated or lacking
 * the layout's columns is refused when opened, before any row is read.
 */
public final class CsvSource implements AutoCloseable {

    private final Path file;
    private final MessageDigest digest;
    private final CSVParser parser;
    private final int[] positions;
    private final int width;
    private final Ending ending;

    /** How a file's last line ends: with a line break, or cut off (a valid last row may merely lack its break). */
    public enum Ending {
        LINE_BREAK,
        MID_LINE
    }

    private CsvSource(Path file, MessageDigest digest, CSVParser parser, int[] positions, int width, Ending ending) {
        this.file = file;
        this.digest = digest;
        this.parser = parser;
        this.positions = positions;
        this.width = width;
        this.ending = ending;
    }

    /** A raw row: its first line and its values in the layout's column order (null where the file has no column). */
    public record Row(long line, String[] values, boolean complete) {
    }

    /** Opens a file and checks its header; a {@link LoadRefusedException} says what is wrong and what was expected. */
    public static CsvSource open(Path file, SourceKind kind, SourceMapping mapping) {
        requireNonNull(file, "file is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(mapping, "mapping is null");
        FileBytes.sniff(file, kind);
        Ending ending = FileBytes.ending(file);
        MessageDigest digest = newDigest();
        CSVParser parser = null;
        try {
            InputStream in = new BufferedInputStream(new DigestInputStream(Files.newInputStream(file), digest),
                    1 << 16);
            in.mark(3);
            byte[] start = in.readNBytes(3);
            if (!java.util.Arrays.equals(start, FileBytes.BOM)) {
                in.reset();
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                    .setAllowMissingColumnNames(true).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode
                            .ALLOW_ALL).get().parse(reader);
            List<String> header = parser.getHeaderNames();
            int[] positions = positions(file, kind, mapping, header);
            return new CsvSource(file, digest, parser, positions, header.size(), ending);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            closeQuietly(parser);
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(file, e);
            }
            // The parser's own words about a header can quote the whole line, which is a person's row when the
            // header line is missing; an I/O failure's cannot.
            throw new LoadRefusedException("Cannot load " + file + ": its header line cannot be read ("
                    + (e instanceof UncheckedIOException ? FileBytes.firstLine(e) : "not a CSV header")
                    + "), expected a comma-separated header naming the " + kind.cliName() + " columns", e);
        } catch (IOException e) {
            closeQuietly(parser);
            if (e instanceof CharacterCodingException) {
                // the decoder reads ahead of the header: a byte that is not UTF-8 in an early row stops it here
                throw notUtf8(file, e);
            }
            throw new LoadRefusedException("Cannot load " + file + ": " + FileBytes.whyUnreadable(e), e);
        }
    }

    /** The file's rows in order; a malformed row (an unclosed quote, bytes that are not UTF-8) refuses the file. */
    public Iterable<Row> rows() {
        Iterator<CSVRecord> records = parser.iterator();
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                // The parser reads the next row here: this is the line it starts on.
                long start = parser.getCurrentLineNumber() + 1;
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw unreadable(e, start);
                }
            }

            @Override
            public Row next() {
                long start = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw unreadable(e, start);
                }
                String[] values = new String[positions.length];
                int newlines = 0;
                for (int i = 0; i < record.size(); i++) {
                    newlines += newlines(record.get(i));
                }
                for (int i = 0; i < positions.length; i++) {
                    values[i] = positions[i] >= 0 && positions[i] < record.size() ? record.get(positions[i]) : null;
                }
                long line = parser.getCurrentLineNumber() - newlines;
                return new Row(Math.max(2, line), values, record.size() == width);
            }
        };
    }

    /** The SHA-256 of the file's bytes, once every row has been read. */
    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    public Path file() {
        return file;
    }

    public Ending ending() {
        return ending;
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    /**
     * Names what is wrong with the row that starts on line {@code start} in TREx's own words: the parser's quote the
     * place in its own terms, and a row's text never.
     */
    private LoadRefusedException unreadable(RuntimeException e, long start) {
        if (e.getCause() instanceof CharacterCodingException) {
            return notUtf8(file, e);
        }
        String said = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        String why;
        if (said.contains("EOF reached before encapsulated token finished")) {
            why = "it ends inside a quoted value, in the row that starts on line " + start
                    + " (a truncated file, or a quote never closed)";
        } else if (said.contains("between encapsulated token and delimiter")) {
            why = "the row that starts on line " + start + " has a character after a value's closing quote (a quote"
                    + " inside a value is written twice)";
        } else {
            why = "the row that starts on line " + start + " cannot be read";
        }
        return new LoadRefusedException("Cannot load " + file + ": " + why + ", expected UTF-8 CSV with RFC 4180"
                + " quoting", e);
    }

    private static LoadRefusedException notUtf8(Path file, Exception e) {
        return new LoadRefusedException("Cannot load " + file + ": " + FileBytes.notUtf8(file)
                + ", expected UTF-8 CSV with RFC 4180 quoting", e);
    }

    private static int newlines(String value) {
        int count = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n')) {
                count++;
            }
        }
        return count;
    }

    /**
     * Where each national column sits in the file, or -1, its name matched whatever its case; refuses missing required,
     * unexplained and repeated columns.
     * A first line that names no column it should is not quoted: it may be a person's row, the header line missing.
     */
    private static int[] positions(Path file, SourceKind kind, SourceMapping mapping, List<String> header) {
        List<NationalColumn> columns = kind.columns();
        int[] positions = new int[columns.size()];
        java.util.Arrays.fill(positions, -1);
        Set<String> unexplained = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        int known = 0;
        for (int i = 0; i < header.size(); i++) {
            String local = header.get(i).strip();
            String national = mapping.columns().getOrDefault(local, local);
            int index = indexOf(columns, national);
            if (index >= 0 && positions[index] >= 0) {
                repeated.add(columns.get(index).name());
            } else if (index >= 0) {
                positions[index] = i;
            } else if (kind.acceptedUnused().stream().noneMatch(national::equalsIgnoreCase)
                    && !mapping.ignored().contains(local)) {
                unexplained.add(local);
                continue;
            }
            known++;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (positions[i] < 0 && columns.get(i).presence() == NationalColumn.Presence.REQUIRED) {
                missing.add(columns.get(i).name());
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("it lacks the required columns " + missing);
        }
        if (known == 0) {
            problems.add("its first line names none of its columns (the header of another file, or no header line;"
                    + " the line is not shown)");
        } else if (!unexplained.isEmpty()) {
            problems.add("it has columns no layout or mapping names " + unexplained);
        }
        if (!repeated.isEmpty()) {
            problems.add("it names the columns " + repeated + " more than once");
        }
        if (!problems.isEmpty()) {
            String article = kind == SourceKind.OBJECTIONS ? "an " : "a ";
            StringBuilder why = new StringBuilder("Cannot load " + file + ": it is not " + article + kind.cliName()
                    + " file: ")
                    .append(String.join(" and ", problems));
            why.append(", expected the ").append(kind.cliName()).append(" columns ")
                    .append(columns.stream().map(NationalColumn::name).toList())
                    .append(" (rename local columns, or list them under ignore, in a --mapping file)");
            throw new LoadRefusedException(why.toString());
        }
        return positions;
    }

    /** Whatever its case: exports write the national names as their tools do (NHS_NUMBER, nhs_number). */
    private static int indexOf(List<NationalColumn> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash files: this Java has no SHA-256", e);
        }
    }

    private static void closeQuietly(CSVParser parser) {
        if (parser == null) {
            return;
        }
        try {
            parser.close();
        } catch (IOException ignored) {
            // reading is over either way; the outcome was decided by then
        }
    }
}
