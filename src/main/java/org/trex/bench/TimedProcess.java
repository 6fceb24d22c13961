package org.trex.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process run under {@code /usr/bin/time -v}: its wall time, the CPU time it used (user and system, which
 * moves less than wall time on a machine other work shares), its peak resident memory and its output.
 */
public record TimedProcess(List<String> command, double seconds, double cpuSeconds, long maxRssKilobytes,
        String stdout) {
    /** Where GNU time lives on Debian; {@code apt-get install -y time} provides it. */
    public static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern CPU = Pattern.compile("(?:User|System) time \\(seconds\\): ([\\d.]+)");

    public TimedProcess {
        command = List.copyOf(requireNonNull(command, "command is null"));
        requireNonNull(stdout, "stdout is null");
    }

    /** The command as one shell-like line, for the report. */
    public String commandLine() {
        return String.join(" ", command);
    }

    /**
     * Runs {@code command} with extra environment, logging to files in {@code logs}; fails on a non-zero exit. The
     * clock starts once {@code sync} has written every file written before to disk, so a step does not pay for
     * the writeback of the step before it (the load's tables, the CSVs of {@code \copy} and the baseline).
     */
    public static TimedProcess run(String name, List<String> command, Map<String, String> environment, Path logs) {
        requireNonNull(command, "command is null");
        if (!Files.isExecutable(GNU_TIME)) {
            throw new IllegalStateException("Cannot time " + name + ": " + GNU_TIME
                    + " is missing; install it with apt-get install -y time");
        }
        List<String> timed = new ArrayList<>(List.of(GNU_TIME.toString(), "-v"));
        timed.addAll(command);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(timed).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        try {
            settle(name);
            long started = System.nanoTime();
            int exit = builder.start().waitFor();
            double seconds = (System.nanoTime() - started) / 1e9;
            String errors = Files.readString(err);
            if (exit != 0) {
                throw new IllegalStateException("Cannot measure " + name + ": it exited with " + exit + ", saying "
                        + lastWords(errors) + "; see " + err);
            }
            Matcher rss = MAX_RSS.matcher(errors);
            double cpu = 0;
            for (Matcher time = CPU.matcher(errors); time.find(); ) {
                cpu += Double.parseDouble(time.group(1));
            }
            return new TimedProcess(command, seconds, cpu, rss.find() ? Long.parseLong(rss.group(1)) : -1,
                    Files.readString(out));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Cannot measure " + name + ": interrupted", e);
        }
    }

    /**
     * What the child last said before GNU time's own lines, so a failure in CI, where the log is gone with the
     * machine, still tells why; trex's errors never hold a person's data, and the bench's data are generated.
     */
    static String lastWords(String errors) {
        List<String> said = errors.lines().takeWhile(line -> !line.startsWith("\tCommand being timed:")
                && !line.startsWith("Command exited with non-zero status")).filter(line -> !line.isBlank()).toList();
        return said.isEmpty() ? "nothing" : "\"" + String.join(" | ", said.subList(Math.max(0, said.size() - 3),
                said.size())) + "\"";
    }

    private static void settle(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("sync").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(
                    "Cannot settle the disk before measuring " + name + ": sync exited with " + exit);
        }
    }
}
