package org.trex.run;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.trex.optout.ExclusionReason;

/**
 * What a whole run left out, by reason, in the order the checks apply, then what disclosure control dropped.
 * Rows are summed over the outputs, as each output reads and checks its own rows (a table two outputs use is
 * read twice); people are counted once however many outputs left them out, so the count is the run's, not
 * the largest output's.
 */
final class RunExclusions {
    private final Map<ExclusionReason, Long> rows = new EnumMap<>(ExclusionReason.class);
    private final Map<ExclusionReason, long[]> people = new EnumMap<>(ExclusionReason.class);
    private final Map<String, ExclusionCount> others = new LinkedHashMap<>();

    /** Adds one output's counts, and the people its tally left out. */
    void add(List<ExclusionCount> counts, ExclusionTally tally) {
        requireNonNull(counts, "counts is null");
        requireNonNull(tally, "tally is null");
        for (ExclusionCount count : counts) {
            Optional<ExclusionReason> checked = ExclusionReason.fromCode(count.reason());
            if (checked.isPresent()) {
                rows.merge(checked.get(), count.rows(), Long::sum);
                people.merge(checked.get(), tally.people(checked.get()), RunExclusions::union);
            } else {
                // Disclosure control keeps no count keys: its counts are summed as each output recorded them.
                others.merge(count.reason(), count,
                        (a, b) -> new ExclusionCount(a.reason(), a.rows() + b.rows(), a.people() + b.people()));
            }
        }
    }

    /** The run's counts: checks in the order they apply, then the rest in the order first seen. */
    List<ExclusionCount> counts() {
        List<ExclusionCount> result = new ArrayList<>();
        rows.forEach((reason, count) -> result.add(
                new ExclusionCount(reason.code(), count, people.get(reason).length)));
        result.addAll(others.values());
        return result;
    }

    /**
     * Refuses a run whose checks left out every one of the {@code read} records its outputs read, naming what each
     * check left out: an extract emptied by its exclusions is a sign something upstream is wrong (a list that names
     * everyone), not a result to publish. A cohort with no record at all is not this refusal's to judge.
     */
    void requireSomeKept(String extract, long read) {
        long left = rows.values().stream().mapToLong(Long::longValue).sum();
        if (read == 0 || read > left) {
            return;
        }
        String reasons = counts().stream().filter(c -> ExclusionReason.fromCode(c.reason()).isPresent())
                .map(c -> c.reason() + " " + c.describe())
                .collect(Collectors.joining("; "));
        throw new EmptyExtractException("Cannot publish extract " + extract + ": every record was left out (" + read
                + " rows read by its outputs" + (reasons.isEmpty() ? "" : "; left out: " + reasons) + ")");
    }

    private static long[] union(long[] a, long[] b) {
        return ExclusionTally.distinct(LongStream.concat(Arrays.stream(a), Arrays.stream(b)).sorted().toArray());
    }
}
