package org.trex.disclosure;

/** The range of values an attacker cannot narrow a cell beyond; {@code upper} may be infinite. */
public record Interval(double lower, double upper) {
    /** A count known to be nothing. */
    public static final Interval ZERO = new Interval(0, 0);

    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || upper < lower) {
            throw new IllegalArgumentException("Cannot describe interval [" + lower + ", " + upper + "]: it is empty");
        }
    }

    public double width() {
        return upper - lower;
    }

    /** The values a sum of one value of each interval can be. */
    public Interval plus(Interval other) {
        return new Interval(lower + other.lower, upper + other.upper);
    }

    /** The interval as text, "[3, 11]" or "[0, unbounded)". */
    @Override
    public String toString() {
        return "[" + whole(lower) + ", " + (Double.isInfinite(upper) ? "unbounded)" : whole(upper) + "]");
    }

    private static String whole(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-6 ? Long.toString(Math.round(value))
                : String.format("%.2f", value);
    }
}
