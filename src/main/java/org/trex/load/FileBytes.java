package org.trex.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a file's bytes say apart from the CSV parser: that it is plainly not a CSV file (a folder, empty, UTF-16,
 * binary, another delimiter), where its first byte that is not UTF-8 lies, how its last line ends, and why it cannot
 * be read, each in words that name no value of the file.
 */
final class FileBytes {
    /** UTF-8's byte order mark, which Excel writes first in a "CSV UTF-8" file. */
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int SNIFF_BYTES = 8192;

    private FileBytes() {
    }

    /**
     * Where the first byte that is not UTF-8 lies, as {@code line N (byte offset B) holds ...}: the decoder reads ahead
     * of the parser, which cannot say. A file saved as Windows-1252 (Excel's "CSV") holds such bytes wherever a name or
     * a note has an accent or a pound sign; the byte is not shown, as it is a letter of a person's data.
     */
    static String notUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long base = 0;
        long line = 1;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(in) < 0;
                in.flip();
                CoderResult result;
                do {
                    result = decoder.decode(in, out, end);
                    line += newlines(out.flip());
                    out.clear();
                    if (result.isError()) {
                        return "line " + line + " (byte offset " + (base + in.position()) + ") holds bytes that are"
                                + " not UTF-8 (saved as Windows-1252? save it as UTF-8)";
                    }
                } while (result.isOverflow());
                base += in.position();
                in.compact();
            }
        } catch (IOException e) {
            return "it holds bytes that are not UTF-8 (" + firstLine(e) + " when finding them)";
        }
        return "it holds bytes that are not UTF-8";
    }

    private static long newlines(CharBuffer chars) {
        long count = 0;
        while (chars.hasRemaining()) {
            if (chars.get() == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Refuses what is plainly not a CSV file from its first bytes, before the parser sees it. */
    static void sniff(Path file, SourceKind kind) {
        if (Files.isDirectory(file)) {
            throw new LoadRefusedException("Cannot load " + file + ": it is a folder, expected a CSV file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (NoSuchFileException e) {
            throw new LoadRefusedException("Cannot load " + file + ": there is no such file");
        } catch (IOException e) {
            throw new LoadRefusedException("Cannot load " + file + ": " + whyUnreadable(e), e);
        }
        int start = head.length >= 3 && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2] ? 3 : 0;
        if (new String(head, start, head.length - start, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new LoadRefusedException("Cannot load " + file + ": it is empty, expected a CSV file whose first"
                    + " line names the " + kind.cliName() + " columns");
        }
        if (head.length >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE
                || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)) {
            // Excel's "Unicode text" and some exports: every other byte is a zero, which would read as binary
            throw new LoadRefusedException("Cannot load " + file + ": it is UTF-16 text (its first bytes are a UTF-16"
                    + " byte order mark), expected UTF-8; save it as CSV UTF-8");
        }
        for (int i = start; i < head.length; i++) {
            if (head[i] == 0) {
                throw new LoadRefusedException("Cannot load " + file + ": it is binary (a zero byte at offset " + i
                        + "), expected a UTF-8 CSV text file");
            }
        }
        String firstLine = new String(head, start, head.length - start, StandardCharsets.UTF_8).lines().findFirst()
                .orElse("");
        if (!firstLine.contains(",")) {
            for (String delimiter : List.of(";", "\t", "|")) {
                if (firstLine.contains(delimiter)) {
                    throw new LoadRefusedException("Cannot load " + file + ": its header is separated by "
                            + (delimiter.equals("\t") ? "tabs" : "'" + delimiter + "'") + ", expected commas");
                }
            }
        }
    }

    static CsvSource.Ending ending(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) == '\n' || last.get(0) == '\r' ? CsvSource.Ending.LINE_BREAK : CsvSource.Ending.MID_LINE;
        } catch (IOException e) {
            throw new LoadRefusedException("Cannot load " + file + ": " + whyUnreadable(e), e);
        }
    }

    /**
     * Why a file cannot be read, in words: the JDK names a denied read by the path alone, which a message already
     * names ({@code Cannot load F: F}).
     */
    static String whyUnreadable(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "this user may not read it (see its permissions)";
        }
        if (e instanceof NoSuchFileException) {
            return "there is no such file";
        }
        return firstLine(e);
    }

    static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
