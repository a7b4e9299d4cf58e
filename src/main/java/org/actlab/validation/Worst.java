package org.actlab.validation;

import org.actlab.gpu.api.Difference;

/**
 * The running worst disagreement of one quantity, in units of its term size (see {@link TermSize}).
 * Equal values (the same infinity included) and NaN against NaN agree; a finite value against a
 * non-finite one is an infinite disagreement. Term sizes below the smallest normal double count as
 * that: under it rounding is absolute (2⁻¹⁰⁷⁴ per operation), not relative.
 */
public final class Worst {
    private final String quantity;
    private double worst;
    private double at = Double.NaN;
    private double got = Double.NaN;
    private double expected = Double.NaN;

    public Worst(String quantity) {
        this.quantity = quantity;
    }

    /** The disagreement of {@code got} with {@code expected} at x, in units of {@code size}. */
    public static double ratio(double got, double expected, double size) {
        if (got == expected || (Double.isNaN(got) && Double.isNaN(expected))) {
            return 0;
        }
        if (!Double.isFinite(got) || !Double.isFinite(expected)) {
            return Double.POSITIVE_INFINITY;
        }
        double unit = Double.isFinite(size) ? Math.max(size, Double.MIN_NORMAL) : Double.MAX_VALUE;
        return Math.abs(got - expected) / unit;
    }

    public void offer(double x, double got, double expected, double size) {
        double r = ratio(got, expected, size);
        if (r > worst) {
            worst = r;
            this.at = x;
            this.got = got;
            this.expected = expected;
        }
    }

    /** Merges another accumulator of the same quantity (the larger worst wins; ties keep this one). */
    public void merge(Worst other) {
        if (other.worst > worst) {
            worst = other.worst;
            at = other.at;
            got = other.got;
            expected = other.expected;
        }
    }

    public double worst() {
        return worst;
    }

    public double at() {
        return at;
    }

    public Difference result() {
        return new Difference(quantity, worst, at, got, expected);
    }
}
