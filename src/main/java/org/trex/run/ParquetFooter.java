package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Puts a Parquet file's footer in one canonical form, so that the same rows give the same bytes in every JVM.
 * Parquet's writer lists each column chunk's encodings from a hash set of enum constants, whose order follows
 * identity hash codes and so changes from one JVM to the next; this sorts those lists in place.
 */
final class ParquetFooter {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL = Integer.BYTES + MAGIC.length;
    private static final Comparator<PageEncodingStats> STATS_ORDER = Comparator
            .comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
            .thenComparingInt(s -> s.getEncoding().getValue());

    private ParquetFooter() {
    }

    /** Rewrites the footer of {@code file} with every column chunk's encodings in ascending order. */
    static void canonicalise(Path file) {
        rewrite(file, ParquetFooter::sortEncodings);
    }

    /** Reads the footer of {@code file}, lets {@code change} change it, and writes it back in its place. */
    static void rewrite(Path file, Consumer<FileMetaData> change) {
        requireNonNull(file, "file is null");
        requireNonNull(change, "change is null");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer tail = read(channel, size - TAIL, TAIL, file).order(ByteOrder.LITTLE_ENDIAN);
            int length = tail.getInt();
            byte[] magic = new byte[MAGIC.length];
            tail.get(magic);
            long start = size - TAIL - length;
            if (!Arrays.equals(magic, MAGIC) || length <= 0 || start < MAGIC.length) {
                throw new IllegalStateException("Cannot canonicalise the Parquet footer of " + file
                        + ": it does not end in a plain (unencrypted) Parquet footer");
            }
            FileMetaData metadata =
                    Util.readFileMetaData(new ByteArrayInputStream(read(channel, start, length, file).array()));
            change.accept(metadata);
            ByteArrayOutputStream footer = new ByteArrayOutputStream(length);
            Util.writeFileMetaData(metadata, footer);
            ByteBuffer rewritten = ByteBuffer.allocate(footer.size() + TAIL).order(ByteOrder.LITTLE_ENDIAN)
                    .put(footer.toByteArray()).putInt(footer.size()).put(MAGIC).flip();
            channel.truncate(start);
            for (long at = start; rewritten.hasRemaining(); ) {
                at += channel.write(rewritten, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot canonicalise the Parquet footer of " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private static void sortEncodings(FileMetaData metadata) {
        for (RowGroup group : metadata.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                if (!chunk.isSetMeta_data()) {
                    continue;
                }
                ColumnMetaData column = chunk.getMeta_data();
                column.setEncodings(sorted(column.getEncodings(), Comparator.comparingInt(Encoding::getValue)));
                if (column.isSetEncoding_stats()) {
                    column.setEncoding_stats(sorted(column.getEncoding_stats(), STATS_ORDER));
                }
            }
        }
    }

    private static <T> List<T> sorted(List<T> values, Comparator<? super T> order) {
        List<T> sorted = new ArrayList<>(values);
        sorted.sort(order);
        return sorted;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length, Path file) throws IOException {
        if (position < 0) {
            throw new IllegalStateException("Cannot canonicalise the Parquet footer of " + file
                    + ": the file is too short");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IllegalStateException("Cannot canonicalise the Parquet footer of " + file
                        + ": the file ends early");
            }
        }
        return buffer.flip();
    }
}
