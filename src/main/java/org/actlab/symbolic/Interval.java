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

    /**
     * Whether the interval contains the double {@code v}, exactly: v is compared with the rational ends
     * as the exact number it is (0.3333333333333333 lies below 1/3), not with the ends rounded to doubles.
     */
    public boolean contains(double v) {
        if (Double.isNaN(v)) {
            return false;
        }
        if (lo != null) {
            int c = compare(v, lo);
            if (c < 0 || (c == 0 && !loClosed)) {
                return false;
            }
        }
        if (hi != null) {
            int c = compare(v, hi);
            return c < 0 || (c == 0 && hiClosed);
        }
        return true;
    }

    /**
     * The sign of v − r for a double v and a rational r: by doubles where they differ (no double lies
     * strictly between r and the double nearest to r), exactly where v is that nearest double.
     */
    static int compare(double v, BigFraction r) {
        double d = r.doubleValue();
        if (v != d || Double.isInfinite(v)) {
            return Double.compare(v, d) < 0 ? -1 : (v == d ? 0 : 1);
        }
        return new BigFraction(v).compareTo(r);
    }

    /**
     * A condition on a double variable that holds exactly for the doubles in {@code x OP bound} with a
     * rational bound: {@code {op, value}} with value a double ({@code x < 1/3} holds for the same doubles
     * as {@code x <= 0.3333333333333333}).
     */
    public static Object[] doubleCondition(String op, BigFraction bound) {
        double d = bound.doubleValue();
        int c = new BigFraction(d).compareTo(bound);   // sign of d − bound
        if (c == 0) {
            return new Object[] {op, d};
        }
        return switch (op) {
            case "<", "<=" -> c > 0 ? new Object[] {"<", d} : new Object[] {"<=", d};
            default -> c < 0 ? new Object[] {">", d} : new Object[] {">=", d};
        };
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
