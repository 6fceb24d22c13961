package org.trex.pgcopy;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.trex.source.DatabaseUrl;

/**
 * The options of a {@link PgCopySource} read, checked: {@code url}, {@code query} (one SELECT, no
 * semicolon), {@code partitionColumn} (an integer NOT NULL column of the query), {@code lowerBound},
 * {@code upperBound}, {@code numPartitions}, and optionally {@code snapshot}, an ID from
 * {@code pg_export_snapshot()} that every partition then reads. {@link #toString()} leaves out the URL,
 * which may carry a password.
 */
record PgCopyOptions(String url, String query, String partitionColumn, long lowerBound, long upperBound,
        int numPartitions, String snapshot) implements Serializable {
    private static final Pattern SNAPSHOT_ID = Pattern.compile("(?i)[0-9A-F]+-[0-9A-F]+-[0-9]+");

    PgCopyOptions {
        // DatabaseUrl refuses a non-PostgreSQL URL with a message that hides its password.
        new DatabaseUrl(url);
        if (query.strip().endsWith(";")) {
            throw new IllegalArgumentException(
                    "Cannot read query: it ends with a semicolon; give one SELECT without it");
        }
        if (lowerBound > upperBound) {
            throw new IllegalArgumentException("Cannot partition by " + partitionColumn + ": lowerBound " + lowerBound
                    + " is above upperBound " + upperBound);
        }
        if (numPartitions < 1) {
            throw new IllegalArgumentException("Cannot read in " + numPartitions + " partitions: use 1 or more");
        }
        // The ID goes into SQL as a literal, so it must be nothing but an exported snapshot's shape.
        if (snapshot != null && !SNAPSHOT_ID.matcher(snapshot).matches()) {
            throw new IllegalArgumentException("Cannot read with option snapshot: it is not a PostgreSQL exported "
                    + "snapshot ID such as 00000003-0000001B-1");
        }
    }

    static PgCopyOptions from(Map<String, String> options) {
        CaseInsensitiveStringMap map = options instanceof CaseInsensitiveStringMap given ? given
                : new CaseInsensitiveStringMap(options);
        String snapshot = map.get("snapshot");
        return new PgCopyOptions(required(map, "url"), required(map, "query"), required(map, "partitionColumn"),
                number(map, "lowerBound"), number(map, "upperBound"), count(number(map, "numPartitions")),
                snapshot == null || snapshot.isBlank() ? null : snapshot.strip());
    }

    private static String required(CaseInsensitiveStringMap map, String name) {
        String value = map.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Cannot read from PostgreSQL: option " + name + " is missing");
        }
        return value;
    }

    private static long number(CaseInsensitiveStringMap map, String name) {
        String value = required(map, name);
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Cannot read from PostgreSQL: option " + name
                    + " is not a whole number: " + value, e);
        }
    }

    private static int count(long partitions) {
        if (partitions > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Cannot read in " + partitions + " partitions: use at most "
                    + Integer.MAX_VALUE);
        }
        return (int) partitions;
    }

    /**
     * The id ranges, like Spark JDBC's: the bounds only set the strides, the first range is open below
     * and the last open above, so every row falls in exactly one whatever the bounds. As in Spark, a
     * span narrower than the partition count gives one partition per id.
     */
    List<PgCopyPartition> partitions() {
        long span = upperBound - lowerBound;
        int count = span < 0 || span >= numPartitions ? numPartitions : (int) Math.max(span, 1);
        List<PgCopyPartition> partitions = new ArrayList<>(count);
        Long previous = null;
        for (int i = 0; i < count; i++) {
            // BigInteger: upperBound - lowerBound may overflow a long.
            Long next = i == count - 1 ? null : BigInteger.valueOf(upperBound).subtract(BigInteger.valueOf(lowerBound))
                    .multiply(BigInteger.valueOf(i + 1)).divide(BigInteger.valueOf(count))
                    .add(BigInteger.valueOf(lowerBound)).longValueExact();
            partitions.add(new PgCopyPartition(i, count, previous, next));
            previous = next;
        }
        return partitions;
    }

    @Override
    public String toString() {
        return "PgCopyOptions[partitionColumn=" + partitionColumn + ", lowerBound=" + lowerBound + ", upperBound="
                + upperBound + ", numPartitions=" + numPartitions + ", snapshot=" + (snapshot != null) + "]";
    }
}
