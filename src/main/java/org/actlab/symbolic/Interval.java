package org.actlab.symbolic;

import org.hipparchus.fraction.BigFraction;

/**
 * An interval of the real line with rational ends; {@code null} ends are infinite.
 *
 * @param lo       the lower end, or {@code null} for −∞
 * @param loClosed whether {@code lo} belongs to the interval
 * @param hi       the upper end, or {@code null} for +∞
 * @param hiClosed whether {@code hi} belongs to the interval
 */
public record Interval(BigFraction lo, boolean loClosed, BigFraction hi, boolean hiClosed) {
    /** The whole line. */
    public static final Interval ALL = new Interval(null, false, null, false);

    /** Whether the interval contains {@code v}. */
    public boolean contains(BigFraction v) {
        if (lo != null) {
            int c = v.compareTo(lo);
            if (c < 0 || (c == 0 && !loClosed)) {
                return false;
            }
        }
        if (hi != null) {
            int c = v.compareTo(hi);
            return c < 0 || (c == 0 && hiClosed);
        }
        return true;
    }

    /** Whether the interval contains the double {@code v}. */
    public boolean contains(double v) {
        if (lo != null) {
            double l = lo.doubleValue();
            if (v < l || (v == l && !loClosed)) {
                return false;
            }
        }
        if (hi != null) {
            double h = hi.doubleValue();
            return v < h || (v == h && hiClosed);
        }
        return true;
    }

    /** Whether no real number lies in the interval. */
    public boolean isEmpty() {
        if (lo == null || hi == null) {
            return false;
        }
        int c = lo.compareTo(hi);
        return c > 0 || (c == 0 && !(loClosed && hiClosed));
    }

    /** The intersection with another interval. */
    public Interval intersect(Interval o) {
        BigFraction l = lo;
        boolean lc = loClosed;
        if (o.lo != null && (l == null || o.lo.compareTo(l) > 0 || (o.lo.compareTo(l) == 0 && !o.loClosed))) {
            l = o.lo;
            lc = o.loClosed;
        }
        BigFraction h = hi;
        boolean hc = hiClosed;
        if (o.hi != null && (h == null || o.hi.compareTo(h) < 0 || (o.hi.compareTo(h) == 0 && !o.hiClosed))) {
            h = o.hi;
            hc = o.hiClosed;
        }
        return new Interval(l, lc, h, hc);
    }

    /** As a condition on x: {@code x > 0}, {@code -1 <= x <= 2}, {@code all x}. */
    public String condition() {
        if (lo == null && hi == null) {
            return "all x";
        }
        if (lo == null) {
            return "x " + (hiClosed ? "<=" : "<") + " " + format(hi);
        }
        if (hi == null) {
            return "x " + (loClosed ? ">=" : ">") + " " + format(lo);
        }
        return format(lo) + " " + (loClosed ? "<=" : "<") + " x " + (hiClosed ? "<=" : "<") + " " + format(hi);
    }

    /** Interval notation: {@code (-inf, 0]}. */
    @Override
    public String toString() {
        return (lo == null ? "(-inf" : (loClosed ? "[" : "(") + format(lo)) + ", "
                + (hi == null ? "inf)" : format(hi) + (hiClosed ? "]" : ")"));
    }

    /** A rational as an integer, a terminating decimal, or p/q. */
    public static String format(BigFraction v) {
        if (v.getDenominator().equals(java.math.BigInteger.ONE)) {
            return v.getNumerator().toString();
        }
        try {
            return new java.math.BigDecimal(v.getNumerator()).divide(new java.math.BigDecimal(v.getDenominator()))
                    .stripTrailingZeros().toPlainString();
        } catch (ArithmeticException e) {
            return v.getNumerator() + "/" + v.getDenominator();
        }
    }
}
