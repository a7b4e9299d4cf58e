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
    final BigInteger mantissa;
    final int exponent;
    /**
     * The magnitude of the mantissa as an unsigned 128-bit integer {@code (wideHi, wideLo)} with its
     * bit length, when known (values made by {@link WideAffine}); {@code wideBits} is −1 otherwise.
     */
    final long wideHi;
    final long wideLo;
    final int wideBits;

    private Dyadic(BigInteger mantissa, int exponent) {
        this(mantissa, exponent, 0, 0, -1);
    }

    private Dyadic(BigInteger mantissa, int exponent, long wideHi, long wideLo, int wideBits) {
        this.mantissa = mantissa;
        this.exponent = exponent;
        this.wideHi = wideHi;
        this.wideLo = wideLo;
        this.wideBits = wideBits;
    }

    /**
     * {@code ±(hi·2^64 + lo)·2^e} for an odd magnitude (already normalised), keeping the 128-bit form.
     */
    static Dyadic wide(BigInteger m, int e, long hi, long lo) {
        int bits = hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
        return new Dyadic(m, e, hi, lo, bits);
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
        return new Dyadic(BigInteger.valueOf(x < 0 ? -m : m), e, 0, m, 64 - Long.numberOfLeadingZeros(m));
    }

    Dyadic add(Dyadic o) {
        if (mantissa.signum() == 0) {
            return o;
        }
        if (o.mantissa.signum() == 0) {
            return this;
        }
        int e = Math.min(exponent, o.exponent);
        BigInteger sum = mantissa.shiftLeft(exponent - e).add(o.mantissa.shiftLeft(o.exponent - e));
        return normalised(sum, e);
    }

    Dyadic negate() {
        return new Dyadic(mantissa.negate(), exponent);
    }

    Dyadic subtract(Dyadic o) {
        return add(o.negate());
    }

    Dyadic multiply(Dyadic o) {
        if (mantissa.signum() == 0 || o.mantissa.signum() == 0) {
            return ZERO;
        }
        // powers of two (mantissa ±1) are most weights of the constructions: only the exponent moves
        if (o.mantissa.bitLength() <= 1) {
            return new Dyadic(o.mantissa.signum() > 0 ? mantissa : mantissa.negate(), exponent + o.exponent);
        }
        if (mantissa.bitLength() <= 1) {
            return new Dyadic(mantissa.signum() > 0 ? o.mantissa : o.mantissa.negate(), exponent + o.exponent);
        }
        return new Dyadic(mantissa.multiply(o.mantissa), exponent + o.exponent);
    }

    private static Dyadic normalised(BigInteger m, int e) {
        if (m.signum() == 0) {
            return ZERO;
        }
        int tz = m.getLowestSetBit();
        return tz == 0 ? new Dyadic(m, e) : new Dyadic(m.shiftRight(tz), e + tz);
    }

    Dyadic abs() {
        return mantissa.signum() < 0 ? negate() : this;
    }

    /** The smallest double found ≥ this non-negative value (a few ulps above it at most). */
    double upper() {
        double d = approx();
        while (Dyadic.of(d).compareTo(this) < 0) {
            d = Math.nextUp(d);
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
        if (q == 0) {
            q = Double.MIN_VALUE;
        }
        while (Dyadic.of(q).multiply(d).compareTo(a) < 0) {
            q = Math.nextUp(q);
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
        return mantissa.signum();
    }

    /**
     * A double within a few ulps of the value (for locating roots and for margins that allow for
     * it; never where exactness matters): the mantissa's top 64 bits, scaled.
     */
    double approx() {
        int bits = mantissa.bitLength();
        if (bits <= 1000) {
            // BigInteger.doubleValue rounds correctly and needs no shifted copy; scalb is then exact
            // unless the result is subnormal
            return Math.scalb(mantissa.doubleValue(), exponent);
        }
        int excess = bits - 64;
        return Math.scalb(mantissa.shiftRight(excess).doubleValue(), exponent + excess);
    }

    BigFraction toFraction() {
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
        return mantissa.hashCode() * 31 + exponent;
    }
}
