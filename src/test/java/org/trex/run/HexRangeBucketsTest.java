package org.trex.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.unsafe.hash.Murmur3_x86_32;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** Each range's key lands, under Spark's hash partitioning, in the partition of the same number. */
class HexRangeBucketsTest {
    @Test
    void everyKeyHashesToItsOwnPartition() {
        for (int partitions = 1; partitions <= 64; partitions++) {
            int[] keys = HexRangeBuckets.keys(partitions);
            for (int i = 0; i < partitions; i++) {
                assertThat(Math.floorMod(Murmur3_x86_32.hashInt(keys[i], 42), partitions)).isEqualTo(i);
            }
        }
    }

    @Test
    void lowerPseudonymsLandInLowerPartitions() {
        HexRangeBuckets buckets = new HexRangeBuckets(4);
        int[] keys = HexRangeBuckets.keys(4);

        assertThat(buckets.keyOf(null)).isEqualTo(keys[0]);
        assertThat(buckets.keyOf(UTF8String.fromString("0000" + "a".repeat(60)))).isEqualTo(keys[0]);
        assertThat(buckets.keyOf(UTF8String.fromString("3fffffff" + "f".repeat(56)))).isEqualTo(keys[0]);
        assertThat(buckets.keyOf(UTF8String.fromString("40000000" + "0".repeat(56)))).isEqualTo(keys[1]);
        assertThat(buckets.keyOf(UTF8String.fromString("bfffffff" + "0".repeat(56)))).isEqualTo(keys[2]);
        assertThat(buckets.keyOf(UTF8String.fromString("f".repeat(64)))).isEqualTo(keys[3]);
    }
}
