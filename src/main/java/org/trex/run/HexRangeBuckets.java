package org.trex.run;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Range partitions of a column of hex pseudonyms without sampling it first. Spark range-partitions only
 * after a sampling job, and that job would read the source a second time; pseudonyms are uniform, so the
 * i-th of n slices of their hex range is bucket i. Spark's {@code repartition(n, key)} sends a row to
 * partition {@code pmod(murmur3(key, 42), n)}, so each bucket gets, once, a key that hashes to its own
 * number: partition i then holds slice i, and the partitions in order are the rows in order.
 */
public final class HexRangeBuckets implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Spark's seed for {@code HashPartitioning}. */
    private static final int SPARK_HASH_SEED = 42;
    /** The leading hex digits that pick the slice: 16^8 values, far more than any partition count. */
    private static final int DIGITS = 8;

    private final int[] keys;

    HexRangeBuckets(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("Cannot split pseudonyms into " + partitions + " ranges: use 1 or more");
        }
        this.keys = keys(partitions);
    }

    /** The key to repartition on: rows whose {@code hex} sorts lower land in lower partitions; nulls first. */
    Column partitionKey(Column hex) {
        return JavaCalls.call(this, "keyOf", DataTypes.IntegerType, JavaCalls.Nulls.PASS_IN, JavaCalls.Effects.NONE, hex);
    }

    /** Called by generated code: the key of the slice {@code hex} falls in. */
    public int keyOf(UTF8String hex) {
        if (hex == null) {
            return keys[0];
        }
        long leading = 0;
        for (int i = 0; i < DIGITS; i++) {
            leading = leading << 4 | (i < hex.numBytes() ? Character.digit(hex.getByte(i), 16) & 0xf : 0);
        }
        return keys[(int) (leading * keys.length >>> (4 * DIGITS))];
    }

    /** For each partition number, the smallest non-negative int that Spark's hash partitioning sends there. */
    static int[] keys(int partitions) {
        int[] keys = new int[partitions];
        Set<Integer> found = new HashSet<>();
        for (int candidate = 0; found.size() < partitions; candidate++) {
            int partition = Math.floorMod(Murmur3_x86_32.hashInt(candidate, SPARK_HASH_SEED), partitions);
            if (found.add(partition)) {
                keys[partition] = candidate;
            }
        }
        return keys;
    }

    @Override
    public String toString() {
        return "trex_hex_ranges(" + keys.length + ")";
    }
}
