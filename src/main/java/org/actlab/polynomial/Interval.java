package org.actlab.polynomial;

import org.actlab.ActlabException;

/**
 * A closed interval {@code [a, b]} of doubles with finite ends and {@code a < b}, checked once here
 * so that no construction or certifier checks it again. {@code −0.0} is stored as {@code 0.0}: they
 * are one point.
 *
 * @param a the lower end
 * @param b the upper end
 */
public record Interval(double a, double b) {
    public Interval {
        a += 0.0;
        b += 0.0;
        if (!(a < b) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new ActlabException("the interval must have finite ends with a < b, got [" + a + ", " + b + "]");
        }
    }

    /** [a, b]. */
    public static Interval of(double a, double b) {
        return new Interval(a, b);
    }

    /** {@code b − a} (may round to +∞ for ends near ±1.8e308). */
    public double width() {
        return b - a;
    }

    /** {@code max(|a|, |b|)}: the largest |x| on the interval. */
    public double maxAbs() {
        return Math.max(Math.abs(a), Math.abs(b));
    }

    /** Whether 0 lies strictly inside. */
    public boolean straddlesZero() {
        return a < 0 && 0 < b;
    }

    @Override
    public String toString() {
        return "[" + a + ", " + b + "]";
    }
}
