package org.trex.linkage;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * The index events of one group (for example age band 85+) before disclosure control: how many there are, how
 * many each exclusion reason left out (by reason code; a reason that left nobody out may be absent) and how many
 * link to no council record.
 */
public record GroupCount(String dimension, String group, long events, Map<String, Long> leftOut, long notLinked) {
    public GroupCount {
        requireNonNull(dimension, "dimension is null");
        requireNonNull(group, "group is null");
        leftOut = new TreeMap<>(requireNonNull(leftOut, "leftOut is null"));
        long total = leftOut.values().stream().mapToLong(Long::longValue).sum();
        if (events < 0 || total > events || leftOut.values().stream().anyMatch(n -> n < 0) || notLinked < 0
                || notLinked > events) {
            throw new IllegalArgumentException("Cannot count group " + dimension + "=" + group + ": " + total
                    + " left out and " + notLinked + " not linked of " + events + " events");
        }
    }

    /** Events left out for this reason code. */
    public long leftOut(String reason) {
        return leftOut.getOrDefault(reason, 0L);
    }

    /** Events left out for any reason. */
    public long leftOutForAnyReason() {
        return leftOut.values().stream().mapToLong(Long::longValue).sum();
    }
}
