package org.trex.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of one benchmark, with the targets it is judged against and the exact commands timed. The run's
 * targets are judged on the median of its {@code pairs} (a {@code \copy} and the run after it, alternating on the
 * same data); the first pair is the one the table's rows show.
 */
public record BenchReport(Workload workload, long copiedRows, List<TimedPair> pairs,
        Optional<TimedProcess> readsCopy, TimedProcess baseline, long runRowsRead, HashCost.Times hashes) {
    /** {@code trex run} may take at most this many times the {@code psql \copy} of the same rows. */
    public static final double RUN_OVER_COPY_TARGET = 3.0;
    /** {@code trex run} must beat the hand-written baseline ({@code \copy} plus the CSV program). */
    public static final double RUN_OVER_BASELINE_TARGET = 1.0;
    /** Our HMAC may cost at most this many times Spark's built-in {@code sha2}. */
    public static final double HMAC_OVER_SHA2_TARGET = 1.1;

    public BenchReport {
        requireNonNull(workload, "workload is null");
        pairs = List.copyOf(requireNonNull(pairs, "pairs is null"));
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("Cannot report a bench without a timed run: pairs is empty");
        }
        requireNonNull(readsCopy, "readsCopy is null");
        requireNonNull(baseline, "baseline is null");
        requireNonNull(hashes, "hashes is null");
    }

    /** The first pair's {@code \copy}. */
    public TimedProcess copy() {
        return pairs.get(0).copy();
    }

    /** The first pair's run. */
    public TimedProcess run() {
        return pairs.get(0).run();
    }

    public double baselineSeconds() {
        return copy().seconds() + baseline.seconds();
    }

    /** The median over the pairs of the run's time over its pair's {@code \copy}. */
    public double runOverCopy() {
        return TimedPair.median(pairs.stream().map(TimedPair::runOverCopy).toList());
    }

    /** The median over the pairs of the run's time over the baseline (its pair's {@code \copy} and the program). */
    public double runOverBaseline() {
        return TimedPair.median(pairs.stream()
                .map(pair -> pair.run().seconds() / (pair.copy().seconds() + baseline.seconds())).toList());
    }

    /** The median over the pairs of the run's time over the {@code \copy} of the run's own reads. */
    private double runOverReads(TimedProcess reads) {
        return TimedPair.median(pairs.stream().map(pair -> pair.run().seconds() / reads.seconds()).toList());
    }

    /** The table the command prints. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(List.of(
                workload.description(),
                String.format(Locale.ROOT, "%-52s %10s %12s %12s", "measure", "seconds", "CPU seconds", "peak RSS MB"),
                row("psql \\copy (same SELECTs) to CSV, " + String.format(Locale.ROOT, "%,d rows", copiedRows),
                        copy())));
        readsCopy.ifPresent(reads -> lines.add(row("psql \\copy of the run's reads (shared read once)", reads)));
        lines.addAll(List.of(
                row("baseline program: CSVs in, HMAC per row, CSVs out", baseline),
                String.format(Locale.ROOT, "%-52s %10.2f", "baseline total (\\copy + program)", baselineSeconds()),
                row("trex run incl. JVM start, " + String.format(Locale.ROOT, "%,d rows read", runRowsRead), run()),
                String.format(Locale.ROOT, "%-52s %10.2f",
                        "Spark sha2 over " + String.format(Locale.ROOT, "%,d", hashes.rows())
                        + " cached values", hashes.sha2Seconds()),
                String.format(Locale.ROOT, "%-52s %10.2f", "our HMAC (the run's PseudonymFunction), same values",
                        hashes.hmacSeconds())));
        // The pairs come before the verdicts, which are judged on them.
        if (pairs.size() > 1) {
            lines.add(String.format(Locale.ROOT, "%d pairs of \\copy and trex run, alternating on the same data:",
                    pairs.size()));
            for (int i = 0; i < pairs.size(); i++) {
                TimedPair pair = pairs.get(i);
                lines.add(String.format(Locale.ROOT, "  pair %d: \\copy %.2f s, trex run %.2f s "
                        + "(%.1f CPU s, %.0f MB), %.2fx", i + 1, pair.copy().seconds(), pair.run().seconds(),
                        pair.run().cpuSeconds(), pair.run().maxRssKilobytes() / 1024.0, pair.runOverCopy()));
            }
        }
        lines.add(verdict("trex run / \\copy" + ofPairs(), runOverCopy(), RUN_OVER_COPY_TARGET));
        readsCopy.ifPresent(reads -> lines.add(verdict("trex run / \\copy of the run's reads" + ofPairs(),
                runOverReads(reads), RUN_OVER_COPY_TARGET)));
        lines.add(verdict("trex run / baseline" + ofPairs(), runOverBaseline(), RUN_OVER_BASELINE_TARGET));
        lines.add(verdict("HMAC / sha2", hashes.ratio(), HMAC_OVER_SHA2_TARGET));
        return List.copyOf(lines);
    }

    /** How a run verdict says it is a median, when there is more than one pair. */
    private String ofPairs() {
        return pairs.size() == 1 ? "" : ", median of " + pairs.size() + " pairs";
    }

    private static String row(String what, TimedProcess process) {
        return String.format(Locale.ROOT, "%-52s %10.2f %12.2f %12.0f", what, process.seconds(), process.cpuSeconds(),
                process.maxRssKilobytes() / 1024.0);
    }

    private static String verdict(String what, double ratio, double target) {
        String outcome = ratio <= target ? "met" : String.format(Locale.ROOT, "MISSED by %.2fx", ratio / target);
        return String.format(Locale.ROOT, "%-52s %10.2f   target <= %.1f: %s", what, ratio, target, outcome);
    }

    /** The report as bench.json. */
    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data", workload.figures());
        root.put("spec", workload.spec().getFileName().toString());
        root.put("asOf", workload.asOf().toString());
        root.put("copy", process(copy(), Map.of("rows", copiedRows)));
        readsCopy.ifPresent(reads -> root.put("copyOfTheRunsReads", process(reads, Map.of())));
        root.put("baselineProgram", process(baseline, Map.of()));
        root.put("baselineTotalSeconds", baselineSeconds());
        root.put("trexRun", process(run(), Map.of("rowsRead", runRowsRead)));
        root.put("pairs", pairs.stream().map(pair -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("copySeconds", pair.copy().seconds());
            values.put("runSeconds", pair.run().seconds());
            values.put("runCpuSeconds", pair.run().cpuSeconds());
            values.put("runMaxRssKilobytes", pair.run().maxRssKilobytes());
            values.put("runOverCopy", pair.runOverCopy());
            return values;
        }).toList());
        root.put("hash", Map.of("rows", hashes.rows(), "sha2Seconds", hashes.sha2Seconds(),
                "hmacSeconds", hashes.hmacSeconds(), "hmacOverSha2", hashes.ratio(), "target", HMAC_OVER_SHA2_TARGET));
        // With more than one pair, each ratio is the median of the pairs' ratios.
        root.put("runOverCopy", Map.of("ratio", runOverCopy(), "pairs", pairs.size(), "target",
                RUN_OVER_COPY_TARGET));
        root.put("runOverBaseline", Map.of("ratio", runOverBaseline(), "pairs", pairs.size(), "target",
                RUN_OVER_BASELINE_TARGET));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render bench.json: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> process(TimedProcess process, Map<String, Object> extra) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("seconds", process.seconds());
        values.put("cpuSeconds", process.cpuSeconds());
        values.put("maxRssKilobytes", process.maxRssKilobytes());
        values.putAll(extra);
        values.put("command", process.commandLine());
        return values;
    }
}
