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

/** Every figure of one benchmark, with the targets it is judged against and the exact commands timed. */
public record BenchReport(Workload workload, long copiedRows, TimedProcess copy, Optional<TimedProcess> readsCopy,
        TimedProcess baseline, TimedProcess run, long runRowsRead, HashCost.Times hashes) {
    /** {@code trex run} may take at most this many times the {@code psql \copy} of the same rows. */
    public static final double RUN_OVER_COPY_TARGET = 3.0;
    /** {@code trex run} must beat the hand-written baseline ({@code \copy} plus the CSV program). */
    public static final double RUN_OVER_BASELINE_TARGET = 1.0;
    /** Our HMAC may cost at most this many times Spark's built-in {@code sha2}. */
    public static final double HMAC_OVER_SHA2_TARGET = 1.1;

    public BenchReport {
        requireNonNull(workload, "workload is null");
        requireNonNull(copy, "copy is null");
        requireNonNull(readsCopy, "readsCopy is null");
        requireNonNull(baseline, "baseline is null");
        requireNonNull(run, "run is null");
        requireNonNull(hashes, "hashes is null");
    }

    public double baselineSeconds() {
        return copy.seconds() + baseline.seconds();
    }

    public double runOverCopy() {
        return run.seconds() / copy.seconds();
    }

    public double runOverBaseline() {
        return run.seconds() / baselineSeconds();
    }

    /** The table the command prints. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(List.of(
                workload.description(),
                String.format(Locale.ROOT, "%-52s %10s %12s %12s", "measure", "seconds", "CPU seconds", "peak RSS MB"),
                row("psql \\copy (same SELECTs) to CSV, " + String.format(Locale.ROOT, "%,d rows", copiedRows), copy)));
        readsCopy.ifPresent(reads -> lines.add(row("psql \\copy of the run's reads (shared read once)", reads)));
        lines.addAll(List.of(
                row("baseline program: CSVs in, HMAC per row, CSVs out", baseline),
                String.format(Locale.ROOT, "%-52s %10.2f", "baseline total (\\copy + program)", baselineSeconds()),
                row("trex run incl. JVM start, " + String.format(Locale.ROOT, "%,d rows read", runRowsRead), run),
                String.format(Locale.ROOT, "%-52s %10.2f",
                        "Spark sha2 over " + String.format(Locale.ROOT, "%,d", hashes.rows())
                        + " cached values", hashes.sha2Seconds()),
                String.format(Locale.ROOT, "%-52s %10.2f", "our HMAC (the run's PseudonymFunction), same values",
                        hashes.hmacSeconds()),
                verdict("trex run / \\copy", runOverCopy(), RUN_OVER_COPY_TARGET),
                verdict("trex run / baseline", runOverBaseline(), RUN_OVER_BASELINE_TARGET),
                verdict("HMAC / sha2", hashes.ratio(), HMAC_OVER_SHA2_TARGET)));
        readsCopy.ifPresent(reads -> lines.add(lines.size() - 2, verdict("trex run / \\copy of the run's reads",
                run.seconds() / reads.seconds(), RUN_OVER_COPY_TARGET)));
        return List.copyOf(lines);
    }

    private static String row(String what, TimedProcess process) {
        return String.format(Locale.ROOT, "%-52s %10.2f %12.2f %12.0f", what, process.seconds(), process.cpuSeconds(),
                process.maxRssKilobytes() / 1024.0);
    }

    private static String verdict(String what, double ratio, double target) {
        String outcome = ratio <= target ? "met" : String.format(Locale.ROOT, "MISSED by %.1fx", ratio / target);
        return String.format(Locale.ROOT, "%-52s %10.2f   target <= %.1f: %s", what, ratio, target, outcome);
    }

    /** The report as bench.json. */
    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data", workload.figures());
        root.put("spec", workload.spec().getFileName().toString());
        root.put("asOf", workload.asOf().toString());
        root.put("copy", process(copy, Map.of("rows", copiedRows)));
        readsCopy.ifPresent(reads -> root.put("copyOfTheRunsReads", process(reads, Map.of())));
        root.put("baselineProgram", process(baseline, Map.of()));
        root.put("baselineTotalSeconds", baselineSeconds());
        root.put("trexRun", process(run, Map.of("rowsRead", runRowsRead)));
        root.put("hash", Map.of("rows", hashes.rows(), "sha2Seconds", hashes.sha2Seconds(),
                "hmacSeconds", hashes.hmacSeconds(), "hmacOverSha2", hashes.ratio(), "target", HMAC_OVER_SHA2_TARGET));
        root.put("runOverCopy", Map.of("ratio", runOverCopy(), "target", RUN_OVER_COPY_TARGET));
        root.put("runOverBaseline", Map.of("ratio", runOverBaseline(), "target", RUN_OVER_BASELINE_TARGET));
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
