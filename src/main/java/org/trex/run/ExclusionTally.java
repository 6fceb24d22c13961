package org.trex.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.TaskContext;
import org.apache.spark.util.AccumulatorV2;

/**
 * Rows and distinct people left out, by reason, counted as the rows stream past on their way to being written,
 * so that counting them costs no pass of its own. Each partition's counts are kept apart and merged by
 * replacing, never adding: a partition computed twice (a retried stage, the sampling job of a range sort)
 * is counted once, as Spark promises nothing better for accumulators updated outside an action's last stage.
 * People are counted on their count key (the pseudonym), held in memory for the excluded rows only.
 */
final class ExclusionTally extends AccumulatorV2<ExclusionTally.LeftOut, Map<Integer, ExclusionTally.PartitionCounts>> {
    private static final long serialVersionUID = 1L;

    /** One row left out: its reason code and its count key (null when it has no NHS number). */
    record LeftOut(String reason, String countKey) implements Serializable {
    }

    /** One partition's rows and count keys by reason. */
    static final class PartitionCounts implements Serializable {
        private static final long serialVersionUID = 1L;
        private final HashMap<String, Long> rows = new HashMap<>();
        private final HashMap<String, HashSet<String>> keys = new HashMap<>();

        void add(LeftOut row) {
            rows.merge(row.reason(), 1L, Long::sum);
            Set<String> reasonKeys = keys.computeIfAbsent(row.reason(), r -> new HashSet<>());
            if (row.countKey() != null) {
                reasonKeys.add(row.countKey());
            }
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

    /** The counts by reason, sorted by reason code; people are distinct across partitions. */
    List<ExclusionCount> counts() {
        Map<String, Long> rows = new TreeMap<>();
        Map<String, Set<String>> people = new HashMap<>();
        for (PartitionCounts counts : partitions.values()) {
            counts.rows.forEach((reason, n) -> rows.merge(reason, n, Long::sum));
            counts.keys.forEach((reason, keys) -> people.computeIfAbsent(reason, r -> new HashSet<>()).addAll(keys));
        }
        List<ExclusionCount> result = new ArrayList<>();
        rows.forEach((reason, n) -> result.add(new ExclusionCount(reason, n, people.get(reason).size())));
        return result;
    }
}
