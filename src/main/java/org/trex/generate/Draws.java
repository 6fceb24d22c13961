package org.trex.generate;

import java.util.SplittableRandom;

/** The random draws the synthetic population makes beyond a uniform one, each from the stream it is given. */
final class Draws {
    private Draws() {
    }

    /** Fisher-Yates, in place. */
    static void shuffle(int[] values, SplittableRandom r) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** How many of up to 20 trials succeed in a row, each with probability {@code p}. */
    static int geometric(SplittableRandom r, double p) {
        int n = 0;
        while (n < 20 && r.nextDouble() < p) {
            n++;
        }
        return n;
    }

    /** An exponentially distributed value with this mean. */
    static double exponential(SplittableRandom r, double mean) {
        return -Math.log(1 - r.nextDouble()) * mean;
    }

    /** Stafford's mix13 of seed and index, so neighbouring individuals get unrelated streams. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
