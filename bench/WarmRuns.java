/*
 * Runs one trex command N times in a single JVM and prints each run's wall time: what a long-lived runner (a
 * warm JVM taking approved runs from a scheduler) would pay per run, against `trex bench`'s fresh-JVM run.
 * A measurement script, not part of TREx; see README.md ("Performance").
 *
 *   java @src/main/launcher/jvm.options -Xmx8g -XX:+UseParallelGC -cp target/trex.jar bench/WarmRuns.java \
 *       3 run SPEC --out OUT-{i} --key-file KEY --as-of DATE --partitions 4 --database-url URL
 *
 * Every "{i}" in the arguments becomes the run's number, so each run writes to its own folder.
 */
import java.util.Arrays;


public class WarmRuns {
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        for (int i = 1; i <= runs; i++) {
            String n = String.valueOf(i);
            String[] trex = Arrays.stream(args, 1, args.length).map(a -> a.replace("{i}", n)).toArray(String[]::new);
            sync();
            long started = System.nanoTime();
            int code = org.trex.cli.Trex.execute(trex);
            System.err.printf("warm-runs: run %d of %d exited %d after %.2f s%n", i, runs, code,
                    (System.nanoTime() - started) / 1e9);
            if (code != 0) {
                System.exit(code);
            }
        }
        System.exit(0);
    }

    /** As in `trex bench`: a run does not pay for the writeback of the files the run before it wrote. */
    private static void sync() {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot run sync: " + e.getMessage(), e);
        }
    }
}
