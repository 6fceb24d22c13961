package org.trex.generate;

import java.util.SplittableRandom;

/** A fixed list of values drawn with given weights. */
final class Weighted<T> {
    private final Object[] values;
    private final double[] cumulative;

    private Weighted(Object[] values, double[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    /** Pairs of value and weight: {@code of("a", 3.0, "b", 1.0)}. */
    static <T> Weighted<T> of(Object... valuesAndWeights) {
        if (valuesAndWeights.length == 0 || valuesAndWeights.length % 2 != 0) {
            throw new IllegalArgumentException("Cannot build weighted list: expected value, weight pairs, got "
                    + valuesAndWeights.length + " items");
        }
        int n = valuesAndWeights.length / 2;
        Object[] values = new Object[n];
        double[] cumulative = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            values[i] = valuesAndWeights[2 * i];
            total += ((Number) valuesAndWeights[2 * i + 1]).doubleValue();
            cumulative[i] = total;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= total;
        }
        return new Weighted<>(values, cumulative);
    }

    @SuppressWarnings("unchecked")
    T draw(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return (T) values[i];
            }
        }
        return (T) values[values.length - 1];
    }
}
