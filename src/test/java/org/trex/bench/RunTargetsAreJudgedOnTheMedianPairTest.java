package org.trex.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunTargetsAreJudgedOnTheMedianPairTest {
    private static final TimedProcess PROGRAM = timed("program", 4.0);
    private static final HashCost.Times HASHES = new HashCost.Times(1000, 1.0, 1.2);

    @Test
    void theRunRatiosAreTheMedianOfTheirPairs() throws Exception {
        // Ratios 2.50, 3.50 and 2.80: the middle one judges, not the first.
        BenchReport report = report(List.of(pair(4.0, 10.0), pair(4.0, 14.0), pair(5.0, 14.0)), Optional.empty());

        assertThat(report.runOverCopy()).isCloseTo(2.8, within(1e-9));
        // Against each pair's own \copy plus the program: 10/8, 14/8 and 14/9.
        assertThat(report.runOverBaseline()).isCloseTo(14.0 / 9.0, within(1e-9));
        assertThat(report.lines()).contains(
                "3 pairs of \\copy and trex run, alternating on the same data:",
                "  pair 1: \\copy 4.00 s, trex run 10.00 s (11.0 CPU s, 1000 MB), 2.50x",
                "  pair 2: \\copy 4.00 s, trex run 14.00 s (15.0 CPU s, 1000 MB), 3.50x",
                "  pair 3: \\copy 5.00 s, trex run 14.00 s (15.0 CPU s, 1000 MB), 2.80x");
        assertThat(report.lines()).anyMatch(line -> line.startsWith("trex run / \\copy, median of 3 pairs ")
                && line.endsWith(" 2.80   target <= 3.0: met"));
        // The table's rows are the first pair's.
        assertThat(report.lines())
                .anyMatch(line -> line.startsWith("trex run incl. JVM start") && line.contains("10.00"));
        JsonNode json = new ObjectMapper().readTree(report.json());
        assertThat(json.get("pairs")).hasSize(3);
        assertThat(json.get("pairs").get(1).get("runOverCopy").asDouble()).isCloseTo(3.5, within(1e-9));
        assertThat(json.get("runOverCopy").get("ratio").asDouble()).isCloseTo(2.8, within(1e-9));
        assertThat(json.get("runOverCopy").get("pairs").asInt()).isEqualTo(3);
        assertThat(json.get("trexRun").get("seconds").asDouble()).isEqualTo(10.0);
    }

    @Test
    void anEvenNumberOfPairsTakesTheMeanOfTheMiddleTwo() {
        BenchReport report = report(List.of(pair(4.0, 8.0), pair(4.0, 16.0), pair(4.0, 10.0), pair(4.0, 12.0)),
                Optional.of(timed("copy-reads", 2.0)));

        assertThat(report.runOverCopy()).isCloseTo(2.75, within(1e-9));
        // The run's reads were copied once: each pair's run over that, 5.5 the middle of 4, 5, 6 and 8. A miss says by
        // how much to the hundredth, so a ratio just past its target does not read as missed by 1.0x.
        assertThat(report.lines()).anyMatch(line -> line.startsWith("trex run / \\copy of the run's reads, median of 4")
                && line.contains("5.50") && line.contains("MISSED by 1.83x"));
    }

    @Test
    void oneTimedRunIsJudgedAsItIs() {
        BenchReport report = report(List.of(pair(4.0, 14.0)), Optional.empty());

        assertThat(report.runOverCopy()).isCloseTo(3.5, within(1e-9));
        assertThat(report.lines()).noneMatch(line -> line.contains("pairs"))
                .anyMatch(line -> line.startsWith("trex run / \\copy ")
                        && line.endsWith(" 3.50   target <= 3.0: MISSED by 1.17x"));
    }

    @Test
    void aBenchWithoutATimedRunIsRefused() {
        assertThatThrownBy(() -> report(List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot report a bench without a timed run: pairs is empty");
        assertThatThrownBy(() -> new Benchmark(Path.of("."), Path.of("bench-output"), 4, 0,
                new java.io.PrintWriter(java.io.Writer.nullWriter())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot time 0 pairs of \\copy and trex run: use 1 or more");
    }

    private static BenchReport report(List<TimedPair> pairs, Optional<TimedProcess> reads) {
        Workload workload = new Workload("Data: made up", Map.of(), Path.of("extracts/bench-spells.yaml"),
                LocalDate.of(2025, 6, 30));
        return new BenchReport(workload, 1000, pairs, reads, PROGRAM, 1000, HASHES);
    }

    private static TimedPair pair(double copySeconds, double runSeconds) {
        return new TimedPair(timed("psql", copySeconds), new TimedProcess(List.of("java"), runSeconds,
                runSeconds + 1, 1000 * 1024, "spells read 1,000,"));
    }

    private static TimedProcess timed(String command, double seconds) {
        return new TimedProcess(List.of(command), seconds, seconds / 2, 10 * 1024, "");
    }
}
