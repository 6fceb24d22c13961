package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.TaskContext;
import org.apache.spark.util.AccumulatorV2;
import org.trex.optout.ExclusionReason;

/**
 * Rows and distinct people left out, by reason, counted as the rows stream past on their way to being written,
 * so that counting them costs no pass of its own. Each partition's counts are kept apart and merged by
 * replacing, never adding: a partition computed twice (a retried stage, the sampling job of a range sort)
 * is counted once, as Spark promises nothing better for accumulators updated outside an action's last stage.
 *
 * <p>People are counted on a count key: 64 bits of their pseudonym, held for the excluded rows only, as
 * arrays of longs. A run can leave out hundreds of thousands of rows, and sets of strings made every task's
 * result slow to send; two people share a key with odds below one in ten million even then.
 */
final class ExclusionTally extends AccumulatorV2<ExclusionTally.LeftOut, Map<Integer, ExclusionTally.PartitionCounts>> {
    private static final long serialVersionUID = 1L;
    private static final ExclusionReason[] REASONS = ExclusionReason.values();

    /** One row left out: its reason and its person's count key (empty when it has no valid NHS number). */
    record LeftOut(ExclusionReason reason, OptionalLong countKey) implements Serializable {
        LeftOut {
            requireNonNull(reason, "reason is null");
            requireNonNull(countKey, "countKey is null");
        }
    }

    /** One partition's rows and count keys by reason. */
    static final class PartitionCounts implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long[] rows = new long[REASONS.length];
        private final long[][] keys = new long[REASONS.length][0];
        private final int[] keyCounts = new int[REASONS.length];

        void add(LeftOut row) {
            int reason = row.reason().ordinal();
            rows[reason]++;
            if (row.countKey().isPresent()) {
                if (keyCounts[reason] == keys[reason].length) {
                    keys[reason] = Arrays.copyOf(keys[reason], Math.max(16, keys[reason].length * 2));
                }
                keys[reason][keyCounts[reason]++] = row.countKey().getAsLong();
            }
        }

        /** Sends the keys without the arrays' spare room. */
        private void writeObject(ObjectOutputStream out) throws IOException {
            for (int i = 0; i < keys.length; i++) {
                keys[i] = Arrays.copyOf(keys[i], keyCounts[i]);
            }
            out.defaultWriteObject();
        }
    }

    private HashMap<Integer, PartitionCounts> partitions = new HashMap<>();

    @Override
    public boolean isZero() {
        return partitions.isEmpty();
    }

    @Override
    public AccumulatorV2<LeftOut, Map<Integer, PartitionCounts>> copy() {
        ExclusionTally copy = new ExclusionTally();
        copy.partitions = new HashMap<>(partitions);
        return copy;
    }

    @Override
    public void reset() {
        partitions = new HashMap<>();
    }

    @Override
    public void add(LeftOut row) {
        TaskContext task = TaskContext.get();
        int partition = task == null ? -1 : task.partitionId();
        partitions.computeIfAbsent(partition, p -> new PartitionCounts()).add(row);
    }

    @Override
    public void merge(AccumulatorV2<LeftOut, Map<Integer, PartitionCounts>> other) {
        partitions.putAll(other.value());
    }

    @Override
    public Map<Integer, PartitionCounts> value() {
        return partitions;
    }

    /** The counts by reason, in the order the checks apply; people are distinct across partitions. */
    List<ExclusionCount> counts() {
        List<ExclusionCount> result = new ArrayList<>();
        for (ExclusionReason reason : REASONS) {
            int r = reason.ordinal();
            long rows = partitions.values().stream().mapToLong(p -> p.rows[r]).sum();
            if (rows > 0) {
                result.add(new ExclusionCount(reason.code(), rows, people(reason).length));
            }
        }
        return result;
    }

    /** The count keys of the people left out for {@code reason}: sorted, each once. */
    long[] people(ExclusionReason reason) {
        int r = reason.ordinal();
        return distinct(partitions.values().stream()
                .flatMapToLong(p -> Arrays.stream(p.keys[r], 0, p.keyCounts[r])).sorted().toArray());
    }

    /** A sorted array without its repeats. */
    static long[] distinct(long[] sorted) {
        int kept = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[kept++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, kept);
    }
}
