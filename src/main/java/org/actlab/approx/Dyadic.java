package org.actlab.approx;

import java.math.BigInteger;

import org.hipparchus.fraction.BigFraction;

/**
 * An exact dyadic rational {@code mantissa·2^exponent}. Every double is one, and sums and products
 * of dyadics are dyadic, so a ReLU network with double weights evaluated at a double input stays in
 * this set: exact arithmetic without the gcd reductions of general fractions.
 */
final class Dyadic implements Comparable<Dyadic> {
    static final Dyadic ZERO = new Dyadic(BigInteger.ZERO, 0);
    /** The signed mantissa; made on first use for values that carry their 128-bit form. */
    private BigInteger mantissa;
    final int exponent;
    private final int sign;
    /**
     * The magnitude of the mantissa as an unsigned 128-bit integer {@code (wideHi, wideLo)} with its
     * bit length, when known (values made by {@link WideAffine} and from doubles); {@code wideBits}
     * is −1 otherwise. Values with the 128-bit form make their {@link BigInteger} only when an exact
     * operation outside {@link WideAffine} needs it: most values of a certification never do.
     */
    final long wideHi;
    final long wideLo;
    final int wideBits;

    private Dyadic(BigInteger mantissa, int exponent) {
        this.mantissa = mantissa;
        this.exponent = exponent;
        this.sign = mantissa.signum();
        this.wideHi = 0;
        this.wideLo = 0;
        this.wideBits = -1;
    }

    private Dyadic(int sign, int exponent, long wideHi, long wideLo, int wideBits) {
        this.exponent = exponent;
        this.sign = sign;
        this.wideHi = wideHi;
        this.wideLo = wideLo;
        this.wideBits = wideBits;
    }

    /**
     * {@code sign·(hi·2^64 + lo)·2^e} for a non-zero odd magnitude (already normalised), keeping the
     * 128-bit form.
     */
    static Dyadic wide(int sign, int e, long hi, long lo) {
        int bits = hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
        return new Dyadic(sign, e, hi, lo, bits);
    }

    /** The signed mantissa (built from the 128-bit form on first use). */
    BigInteger mantissa() {
        BigInteger m = mantissa;
        if (m == null) {
            if (wideHi == 0 && wideLo >= 0) {
                m = BigInteger.valueOf(sign * wideLo);
            } else {
                byte[] magnitude = new byte[16];   // big-endian, unsigned
                for (int k = 0; k < 8; k++) {
                    magnitude[k] = (byte) (wideHi >>> (56 - 8 * k));
                    magnitude[8 + k] = (byte) (wideLo >>> (56 - 8 * k));
                }
                m = new BigInteger(sign, magnitude);
            }
            mantissa = m;
        }
        return m;
    }

    /** {@code m·2^e}, normalised. */
    static Dyadic of(BigInteger m, int e) {
        return normalised(m, e);
    }

    /** The exact value of a finite double. */
    static Dyadic of(double x) {
        if (x == 0) {
            return ZERO;
        }
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >> 52) & 0x7ff);
        long m = bits & 0xfffffffffffffL;
        int e;
        if (biased == 0) {
            e = -1074;
        } else {
            m |= 1L << 52;
            e = biased - 1075;
        }
        int tz = Long.numberOfTrailingZeros(m);
        m >>= tz;
        e += tz;
        return new Dyadic(x < 0 ? -1 : 1, e, 0, m, 64 - Long.numberOfLeadingZeros(m));
    }

    Dyadic add(Dyadic o) {
        if (sign == 0) {
            return o;
        }
        if (o.sign == 0) {
            return this;
        }
        int e = Math.min(exponent, o.exponent);
        BigInteger sum = mantissa().shiftLeft(exponent - e).add(o.mantissa().shiftLeft(o.exponent - e));
        return normalised(sum, e);
    }

    /** {@code n/d} when it is a dyadic rational (d ≠ 0), else null. */
    static Dyadic exactQuotient(Dyadic n, Dyadic d) {
        if (n.sign == 0) {
            return ZERO;
        }
        if (d.isPowerOfTwo()) {
            return n.withExponent(d.sign, n.exponent - d.exponent);
        }
        // both mantissas are odd (normalised), so the quotient is dyadic iff d's mantissa divides n's
        BigInteger[] qr = n.mantissa().divideAndRemainder(d.mantissa());
        return qr[1].signum() == 0 ? of(qr[0], n.exponent - d.exponent) : null;
    }

    Dyadic negate() {
        if (sign == 0) {
            return this;
        }
        return wideBits >= 0 ? new Dyadic(-sign, exponent, wideHi, wideLo, wideBits) : new Dyadic(mantissa.negate(), exponent);
    }

    Dyadic subtract(Dyadic o) {
        return add(o.negate());
    }

    Dyadic multiply(Dyadic o) {
        if (sign == 0 || o.sign == 0) {
            return ZERO;
        }
        // powers of two (mantissa ±1) are most weights of the constructions: only the exponent moves
        if (o.isPowerOfTwo()) {
            return withExponent(o.sign, exponent + o.exponent);
        }
        if (isPowerOfTwo()) {
            return o.withExponent(sign, exponent + o.exponent);
        }
        return new Dyadic(mantissa().multiply(o.mantissa()), exponent + o.exponent);
    }

    private boolean isPowerOfTwo() {
        return wideBits >= 0 ? wideBits == 1 : mantissa.bitLength() <= 1;
    }

    /** ±this with another exponent ({@code s} = −1 flips the sign). */
    private Dyadic withExponent(int s, int e) {
        if (wideBits >= 0) {
            return new Dyadic(sign * s, e, wideHi, wideLo, wideBits);
        }
        return new Dyadic(s > 0 ? mantissa : mantissa.negate(), e);
    }

    private static Dyadic normalised(BigInteger m, int e) {
        if (m.signum() == 0) {
            return ZERO;
        }
        int tz = m.getLowestSetBit();
        return tz == 0 ? new Dyadic(m, e) : new Dyadic(m.shiftRight(tz), e + tz);
    }

    Dyadic abs() {
        return sign < 0 ? negate() : this;
    }

    /** The smallest double found ≥ this non-negative value (a few ulps above it at most). */
    double upper() {
        double d = approx();
        if (!Double.isFinite(d)) {
            return Double.POSITIVE_INFINITY;   // beyond the doubles: infinity is the double above it
        }
        while (Dyadic.of(d).compareTo(this) < 0) {
            d = Math.nextUp(d);
            if (Double.isInfinite(d)) {
                return d;
            }
        }
        return d;
    }

    /** A double ≥ |n|/d for d > 0, within a few ulps: the quotient checked by exact multiplication. */
    static double upperQuotient(Dyadic n, Dyadic d) {
        Dyadic a = n.abs();
        if (a.signum() == 0) {
            return 0;
        }
        double q = a.approx() / d.approx();
        if (!Double.isFinite(q)) {
            return Double.POSITIVE_INFINITY;
        }
        if (q == 0) {
            q = Double.MIN_VALUE;
        }
        while (Dyadic.of(q).multiply(d).compareTo(a) < 0) {
            q = Math.nextUp(q);
            if (Double.isInfinite(q)) {
                return q;
            }
        }
        return q;
    }

    /** {@code Σ c_i x^i} by Horner's rule, exactly. */
    static Dyadic horner(double[] c, Dyadic x) {
        Dyadic acc = ZERO;
        for (int i = c.length - 1; i >= 0; i--) {
            acc = acc.multiply(x).add(of(c[i]));
        }
        return acc;
    }

    int signum() {
        return sign;
    }

    /**
     * The value correctly rounded to a double (for mantissas up to 1000 bits, whichever form holds them;
     * for locating roots and for margins that allow for an ulp, never where exactness matters).
     */
    double approx() {
        if (wideBits >= 0) {
            return approx(sign, exponent, wideHi, wideLo);
        }
        BigInteger mantissa = mantissa();
        int bits = mantissa.bitLength();
        if (bits <= 1000) {
            // BigInteger.doubleValue rounds correctly and needs no shifted copy; scalb is then exact
            // unless the result is subnormal
            return scale(mantissa.doubleValue(), exponent);
        }
        int excess = bits - 64;
        return scale(mantissa.shiftRight(excess).doubleValue(), exponent + excess);
    }

    /**
     * {@code sign·(hi·2^64 + lo)·2^e}, the magnitude an unsigned 128-bit integer, correctly rounded (as
     * {@link BigInteger#doubleValue} rounds, so a value's double does not depend on the form it is held
     * in): the top 63 bits with a sticky bit for the rest, converted once; the scaling is then exact unless
     * the result is subnormal.
     */
    static double approx(int sign, int e, long hi, long lo) {
        if (hi == 0) {
            // a negative lo is read as unsigned: halved with its last bit kept as a sticky bit, then doubled
            double low = lo >= 0 ? lo : ((lo >>> 1) | (lo & 1)) * 2.0;
            return sign * scale(low, e);
        }
        int drop = 65 - Long.numberOfLeadingZeros(hi);   // bits beyond the top 63: 1 … 65
        long top;
        boolean sticky;
        if (drop < 64) {
            top = (hi << (64 - drop)) | (lo >>> drop);
            sticky = (lo << (64 - drop)) != 0;
        } else {
            top = hi >>> (drop - 64);
            sticky = lo != 0 || (drop == 65 && (hi & 1) != 0);
        }
        // 63 bits rounded to 53: the sticky bit sits below the rounding position, so ties are only true ties
        return sign * scale((double) (sticky ? top | 1 : top), e + drop);
    }

    /**
     * {@code d·2^e}, the same double as {@link Math#scalb}: one multiplication by the power of two where
     * d and the result are normal (then it is exact), scalb otherwise. scalb's general loop was a tenth of
     * a certification's time.
     */
    static double scale(double d, int e) {
        int r = Math.getExponent(d) + e;   // the result's exponent, for a normal d
        if (e >= Double.MIN_EXPONENT && e <= Double.MAX_EXPONENT && Math.getExponent(d) >= Double.MIN_EXPONENT
                && Math.getExponent(d) <= Double.MAX_EXPONENT
                && r >= Double.MIN_EXPONENT && r <= Double.MAX_EXPONENT) {
            return d * Double.longBitsToDouble((long) (e + Double.MAX_EXPONENT) << 52);
        }
        return Math.scalb(d, e);
    }

    BigFraction toFraction() {
        BigInteger mantissa = mantissa();
        return exponent >= 0 ? new BigFraction(mantissa.shiftLeft(exponent))
                : new BigFraction(mantissa, BigInteger.ONE.shiftLeft(-exponent));
    }

    @Override
    public int compareTo(Dyadic o) {
        return subtract(o).signum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dyadic d && compareTo(d) == 0;
    }

    @Override
    public int hashCode() {
        return mantissa().hashCode() * 31 + exponent;
    }
}
