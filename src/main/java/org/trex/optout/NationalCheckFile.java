package org.trex.optout;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.trex.nhs.NhsNumber;

/**
 * A file exchanged with NHS England's Check for National Data Opt-outs service over MESH: one normalised NHS
 * number per line followed by a comma, LF line endings, each number once. The request holds the numbers sent;
 * the response (an allow list) the ones that may be used. Files are written readable by their owner only, and
 * no error about them ever quotes a number: they say which line.
 */
public final class NationalCheckFile {
    private final Path path;
    private final long[] numbers;
    private final String sha256;

    private NationalCheckFile(Path path, long[] numbers, String sha256) {
        this.path = path;
        this.numbers = numbers;
        this.sha256 = sha256;
    }

    /**
     * Writes the request for the given raw source values: normalised, only the valid ones, each once, in
     * ascending order. The file appears whole or not at all, owner-only; an existing file is replaced.
     */
    public static NationalCheckFile writeRequest(Path file, Iterable<String> rawNumbers) {
        requireNonNull(file, "file is null");
        requireNonNull(rawNumbers, "rawNumbers is null");
        long[] valid = new long[1024];
        int count = 0;
        for (String raw : rawNumbers) {
            if (raw == null) {
                continue;
            }
            byte[] utf8 = raw.getBytes(StandardCharsets.UTF_8);
            long number = NhsNumber.numberIn(utf8, 0, utf8.length);
            if (number >= 0) {
                if (count == valid.length) {
                    valid = Arrays.copyOf(valid, count * 2);
                }
                valid[count++] = number;
            }
        }
        long[] distinct = Arrays.stream(valid, 0, count).sorted().distinct().toArray();
        return write(file, distinct);
    }

    /** Writes a file of these valid normalised numbers (for a synthetic response), as {@link #writeRequest} does. */
    public static NationalCheckFile write(Path file, long[] sortedDistinctNumbers) {
        requireNonNull(file, "file is null");
        StringBuilder text = new StringBuilder(sortedDistinctNumbers.length * 12);
        for (long number : sortedDistinctNumbers) {
            text.append(digits(number)).append(",\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            Files.createFile(temporary,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temporary, bytes);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the write's own failure is the one to report
            }
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return new NationalCheckFile(file, sortedDistinctNumbers.clone(), sha256(bytes));
    }

    /**
     * Reads a file in the service's format, checking every line: each must be ten digits with a valid check digit,
     * followed by a comma (a missing comma is accepted), and no number may repeat. With {@code sentIn}, every
     * number must also be one that was sent. Refusals say {@code file:line: Cannot ...}.
     */
    public static NationalCheckFile read(Path file, Optional<NationalCheckFile> sentIn) {
        requireNonNull(file, "file is null");
        requireNonNull(sentIn, "sentIn is null");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        long[] numbers = new long[Math.max(16, bytes.length / 11)];
        int[] lines = new int[numbers.length];
        int count = 0;
        int line = 0;
        int start = 0;
        while (start < bytes.length) {
            line++;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end == bytes.length) {
                throw refused(file, line, "the file does not end with a line feed (is it cut short?)");
            }
            long number = numberOnLine(file, line, bytes, start, end);
            if (sentIn.isPresent() && !sentIn.get().contains(number)) {
                throw refused(file, line, "its NHS number was not in the request " + sentIn.get().path());
            }
            if (count == numbers.length) {
                numbers = Arrays.copyOf(numbers, count * 2);
                lines = Arrays.copyOf(lines, count * 2);
            }
            numbers[count] = number;
            lines[count++] = line;
            start = end + 1;
        }
        if (count == 0) {
            throw new NationalCheckFileException(file
                    + ": Cannot read the national data opt-out file: it holds no NHS numbers");
        }
        long[] sorted = Arrays.copyOf(numbers, count);
        refuseRepeats(file, sorted, numbers, lines, count);
        return new NationalCheckFile(file, sorted, sha256(bytes));
    }

    private static long numberOnLine(Path file, int line, byte[] bytes, int start, int end) {
        int length = end - start;
        if (length > 0 && bytes[end - 1] == ',') {
            length--;
        }
        if (length > 0 && bytes[start + length - 1] == '\r') {
            throw refused(file, line, "it ends with a carriage return; the service's files use LF line endings");
        }
        boolean digits = length == 10;
        for (int i = start; digits && i < start + length; i++) {
            digits = bytes[i] >= '0' && bytes[i] <= '9';
        }
        if (!digits) {
            throw refused(file, line, "it is not one NHS number of ten digits followed by a comma");
        }
        long number = NhsNumber.numberIn(bytes, start, length);
        if (number < 0) {
            throw refused(file, line, "its NHS number fails the Modulus 11 check digit, or is one digit ten times "
                    + "(a placeholder, never issued)");
        }
        return number;
    }

    private static void refuseRepeats(Path file, long[] sorted, long[] numbers, int[] lines, int count) {
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                long repeated = sorted[i];
                int first = -1;
                for (int j = 0; j < count; j++) {
                    if (numbers[j] == repeated) {
                        if (first >= 0) {
                            throw refused(file, lines[j], "its NHS number repeats line " + first);
                        }
                        first = lines[j];
                    }
                }
            }
        }
    }

    private static NationalCheckFileException refused(Path file, int line, String why) {
        return new NationalCheckFileException(file + ":" + line + ": Cannot read the national data opt-out file: "
                + why);
    }

    /** Whether the file holds this normalised number. */
    public boolean contains(long number) {
        return Arrays.binarySearch(numbers, number) >= 0;
    }

    /** The numbers, ascending, as their ten digits. */
    public java.util.stream.Stream<String> numbers() {
        return Arrays.stream(numbers).mapToObj(NationalCheckFile::digits);
    }

    /** The numbers, ascending. */
    public long[] numberValues() {
        return numbers.clone();
    }

    public int count() {
        return numbers.length;
    }

    /** The SHA-256 of the file's bytes, in lowercase hex. */
    public String sha256() {
        return sha256;
    }

    public Path path() {
        return path;
    }

    private static String digits(long number) {
        String text = Long.toString(number);
        return "0".repeat(10 - text.length()) + text;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute SHA-256: the JVM lacks it", e);
        }
    }
}
