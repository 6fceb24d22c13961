package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Counts the rows of each person, by pseudonym, as a part's rows stream past, and writes one line per person,
 * {@code <pseudonym> TAB <rows>}, the text format PostgreSQL's COPY reads. When the rows are sorted on a key
 * led by the pseudonym's first hex digits ({@link HexRangeBuckets#orderKey}), all rows sharing those digits
 * come together, so only their few people are held at a time; otherwise every person of the part is.
 */
final class PeopleCounts implements AutoCloseable {
    /** How the rows arrive. */
    enum Order {
        /** Sorted on a key whose leading bits are the pseudonym's leading hex digits. */
        LED_BY_PSEUDONYM,
        /** In any order. */
        ANY
    }

    /** The hex digits the sort key leads with: rows that share them are contiguous. */
    private static final int GROUP_DIGITS = 10;

    private final BufferedWriter out;
    private final Order order;
    private final Map<UTF8String, long[]> counts = new HashMap<>();
    private long group = -1;

    private PeopleCounts(BufferedWriter out, Order order) {
        this.out = out;
        this.order = order;
    }

    /** Counts into a new file. */
    static PeopleCounts open(Path file, Order order) throws IOException {
        requireNonNull(order, "order is null");
        return new PeopleCounts(Files.newBufferedWriter(requireNonNull(file, "file is null"),
                StandardCharsets.US_ASCII),
                order);
    }

    /**
     * Counts, in every partition of {@code people} (one column of pseudonyms, each person's rows in one partition),
     * each person's rows into {@code folder}/part-N.tsv; returns the files in partition order.
     */
    static List<Path> countAll(Dataset<Row> people, Path folder) {
        String target = requireNonNull(folder, "folder is null").toAbsolutePath().toString();
        List<Integer> written = people.queryExecution().toRdd().toJavaRDD()
                .mapPartitionsWithIndex((Function2<Integer, Iterator<InternalRow>,
                        Iterator<Integer>>) (partition, rows) -> {
                    Path file = Path.of(target, String.format("part-%05d.tsv", partition));
                    Path attempt = Path.of(target, String.format(".part-%05d-%d.tmp", partition,
                            TaskContext.get().taskAttemptId()));
                    try (PeopleCounts counts = open(attempt, Order.ANY)) {
                        while (rows.hasNext()) {
                            InternalRow row = rows.next();
                            if (!row.isNullAt(0)) {
                                counts.add(row.getUTF8String(0));
                            }
                        }
                    }
                    Files.move(attempt, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return List.of(partition).iterator();
                }, true)
                .collect();
        return written.stream().sorted().map(partition -> Path.of(target, String.format("part-%05d.tsv", partition)))
                .toList();
    }

    /** One more row of the person with this pseudonym (64 lowercase hex digits). */
    void add(UTF8String pseudonym) throws IOException {
        if (order == Order.LED_BY_PSEUDONYM) {
            long leading = HexRangeBuckets.leading(pseudonym, GROUP_DIGITS);
            if (leading != group) {
                flush();
                group = leading;
            }
        }
        long[] rows = counts.get(pseudonym);
        if (rows == null) {
            // Spark reuses a row's buffer, so the key must be a copy.
            counts.put(pseudonym.clone(), new long[] {1});
        } else {
            rows[0]++;
        }
    }

    private void flush() throws IOException {
        for (Map.Entry<UTF8String, long[]> entry : counts.entrySet()) {
            out.write(entry.getKey().toString());
            out.write('\t');
            out.write(Long.toString(entry.getValue()[0]));
            out.write('\n');
        }
        counts.clear();
    }

    @Override
    public void close() throws IOException {
        try (out) {
            flush();
        }
    }
}
