package org.trex.run;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Range partitions of a column of hex pseudonyms without sampling it first, and the sort key within them.
 * Spark range-partitions only after a sampling job, and that job would read the source a second time;
 * pseudonyms are uniform, so the i-th of n slices of their hex range is bucket i. Spark's
 * {@code repartition(n, key)} sends a row to partition {@code pmod(murmur3(key, 42), n)}, so each bucket
 * gets, once, a key that hashes to its own number: partition i then holds slice i, and the partitions in
 * order are the rows in order.
 *
 * <p>The sort key is one long: the pseudonym's first ten hex digits, then 24 bits of a hash of the whole row.
 * Spark sorts on a single long key by radix, without comparing rows at all; a string key would tie for
 * every pair of rows of one person (a person has several) and send the sort to the rows themselves,
 * scattered over memory. The long still groups a person's rows, in the order of the bits above; the rare
 * rows that tie on it are put in the order of their full content as they are staged
 * ({@link TiesInContentOrder}), so the order stays a function of content.
 */
public final class HexRangeBuckets implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Spark's seed for {@code HashPartitioning}. */
    private static final int SPARK_HASH_SEED = 42;
    /** The leading hex digits that pick the slice: 16^8 values, far more than any partition count. */
    private static final int DIGITS = 8;
    /** The leading hex digits in the sort key; the rest of its 64 bits come from the row's hash. */
    private static final int ORDER_DIGITS = 10;
    private static final int ROW_HASH_BITS = 64 - 4 * ORDER_DIGITS;

    private final int[] keys;

    HexRangeBuckets(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("Cannot split pseudonyms into " + partitions + " ranges: use 1 or more");
        }
        this.keys = keys(partitions);
    }

    /** The key to repartition on: rows whose {@code hex} sorts lower land in lower partitions; nulls first. */
    Column partitionKey(Column hex) {
        return JavaCalls.call(this, "keyOf", DataTypes.IntegerType, JavaCalls.Nulls.PASS_IN, JavaCalls.Effects.NONE,
                hex);
    }

    /**
     * The key to sort each partition on, before the rows' columns: agrees with the partitions' order (a lower
     * slice has lower keys) and rarely ties. {@code rowHash} is any hash of the row's content.
     */
    Column orderKey(Column hex, Column rowHash) {
        return JavaCalls.call(this, "orderKeyOf", DataTypes.LongType, JavaCalls.Nulls.PASS_IN, JavaCalls.Effects.NONE,
                hex, rowHash);
    }

    /** Called by generated code: the key of the slice {@code hex} falls in. */
    public int keyOf(UTF8String hex) {
        return keys[slice(leading(hex, DIGITS))];
    }

    /** Called by generated code: the sort key of a row; Spark compares longs signed, so the top bit is flipped. */
    public long orderKeyOf(UTF8String hex, long rowHash) {
        long unsigned = leading(hex, ORDER_DIGITS) << ROW_HASH_BITS | rowHash >>> (64 - ROW_HASH_BITS);
        return unsigned ^ Long.MIN_VALUE;
    }

    /** How many slices the range is cut into: one for each partition. */
    int count() {
        return keys.length;
    }

    /** The slice, which is the partition, of a row with sort key {@code orderKey} ({@link #orderKeyOf}). */
    int sliceOfOrderKey(long orderKey) {
        return slice((orderKey ^ Long.MIN_VALUE) >>> (64 - 4 * DIGITS));
    }

    /** The slice of a pseudonym whose leading hex digits are {@code leading}. */
    private int slice(long leading) {
        return (int) (leading * keys.length >>> (4 * DIGITS));
    }

    /** The first {@code digits} (up to 16) hex digits as a number; null reads as all zeros, so it sorts first. */
    static long leading(UTF8String hex, int digits) {
        long leading = 0;
        for (int i = 0; i < digits; i++) {
            leading =
                    leading << 4 | (hex != null && i < hex.numBytes() ? Character.digit(hex.getByte(i), 16) & 0xf : 0);
        }
        return leading;
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
