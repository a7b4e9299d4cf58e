package org.actlab.approx;

/**
 * The exact pre-activations of one layer on an interval {@code [x0, x1]} where they are linear,
 * {@code z(x) = z(x0) + s·(x − x0)} with the slopes {@code s = (z(x1) − z(x0))/(x1 − x0)}, in fixed-width
 * integers: values in the 128-bit form of {@link WideAffine.Wide}, slopes as 128-bit mantissas, products
 * and sums in 192 bits. No {@link java.math.BigInteger} and no object per value.
 *
 * <p>The slopes are exact dyadics (every earlier layer is linear on the interval, so they are sums of
 * products of weights), so the division by the width's odd mantissa m is exact: it is done as a
 * multiplication by m's inverse modulo 2¹²⁸ (Newton's iteration; exact division, Granlund and
 * Montgomery) and checked by multiplying back. Where anything does not fit (a width or an offset
 * {@code x − x0} that is not a double, a slope beyond 128 bits, a value beyond 122 bits, as
 * {@link WideAffine} allows) the answer is null and the caller uses {@link Dyadic} arithmetic.
 */
final class WideLine {
    /** The most bits of a value made here (as {@link WideAffine.Wide#of} accepts). */
    private static final int MAX_BITS = 122;

    private final double x0;
    private final WideAffine.Wide v0;
    /** Slope j is {@code qSign[j]·(qMag[2j]·2⁶⁴ + qMag[2j+1])·2^qExp[j]} (qSign 0 for a zero slope). */
    private final long[] qMag;
    private final int[] qExp;
    private final int[] qSign;

    private WideLine(double x0, WideAffine.Wide v0, long[] qMag, int[] qExp, int[] qSign) {
        this.x0 = x0;
        this.v0 = v0;
        this.qMag = qMag;
        this.qExp = qExp;
        this.qSign = qSign;
    }

    /** The line through the exact values v0 at x0 and v1 at x1 &gt; x0, or null when it does not fit. */
    static WideLine through(double x0, WideAffine.Wide v0, double x1, WideAffine.Wide v1) {
        double width = x1 - x0;
        if (!(width > 0) || !exactDifference(x1, x0, width)) {
            return null;
        }
        long mw = oddMantissa(width);
        int ew = oddExponent(width);
        // m's inverse modulo 2⁶⁴ (m·m ≡ 1 mod 8: 3 bits, doubling with each step), then modulo 2¹²⁸
        long inv = mw;
        for (int k = 0; k < 5; k++) {
            inv *= 2 - mw * inv;
        }
        long tLo = 2 - mw * inv;   // 2 − m·inv as a 128-bit number
        long tHi = -mulHigh(mw, inv) - (Long.compareUnsigned(2, mw * inv) < 0 ? 1 : 0);
        long invLo = inv * tLo;
        long invHi = mulHigh(inv, tLo) + inv * tHi;
        int n = v0.size();
        long[] qMag = new long[2 * n];
        int[] qExp = new int[n];
        int[] qSign = new int[n];
        long[] d = new long[3];
        for (int j = 0; j < n; j++) {
            // D = v1 − v0 exactly, as a signed 192-bit number at exponent e
            int e = difference(v1, v0, j, d);
            if (e == Integer.MIN_VALUE) {
                return null;
            }
            int sign = toMagnitude(d);
            if (sign == 0) {
                continue;   // a zero slope
            }
            e += toOdd(d);
            if (d[2] != 0) {
                return null;   // more than 128 bits
            }
            long dHi = d[1];
            long dLo = d[0];
            // q = D/m by the inverse; exact division leaves q·m = D, anything else would not
            long qLo = dLo * invLo;
            long qHi = mulHigh(dLo, invLo) + dLo * invHi + dHi * invLo;
            long p0 = qLo * mw;
            long c = mulHigh(qLo, mw);
            long p1 = qHi * mw + c;
            long p2 = mulHigh(qHi, mw) + (Long.compareUnsigned(p1, c) < 0 ? 1 : 0);
            if (p0 != dLo || p1 != dHi || p2 != 0) {
                return null;   // not a dyadic quotient (never expected)
            }
            qMag[2 * j] = qHi;
            qMag[2 * j + 1] = qLo;
            qExp[j] = e - ew;
            qSign[j] = sign;
        }
        return new WideLine(x0, v0, qMag, qExp, qSign);
    }

    /** The exact values at x (x0 &lt; x), or null when they do not fit. */
    WideAffine.Wide at(double x) {
        double dx = x - x0;
        if (!(dx > 0) || !exactDifference(x, x0, dx)) {
            return null;
        }
        long md = oddMantissa(dx);
        int ed = oddExponent(dx);
        int n = v0.size();
        long[] mag = new long[2 * n];
        int[] exp = new int[n];
        int[] signedBits = new int[n];
        long[] p = new long[3];
        long[] a = new long[3];
        for (int j = 0; j < n; j++) {
            int s0 = v0.signum(j);
            if (qSign[j] == 0) {
                mag[2 * j] = v0.mag()[2 * j];
                mag[2 * j + 1] = v0.mag()[2 * j + 1];
                exp[j] = v0.exp()[j];
                signedBits[j] = v0.signedBits()[j];
                continue;
            }
            // P = q·md, 128 × 53 bits, exponent qExp + ed
            long qHi = qMag[2 * j];
            long qLo = qMag[2 * j + 1];
            p[0] = qLo * md;
            long c = mulHigh(qLo, md);
            p[1] = qHi * md + c;
            p[2] = mulHigh(qHi, md) + (Long.compareUnsigned(p[1], c) < 0 ? 1 : 0);
            int eP = qExp[j] + ed;
            int e;
            if (s0 == 0) {
                e = eP;
                if (qSign[j] < 0) {
                    negate(p);
                }
            } else {
                int e0 = v0.exp()[j];
                e = Math.min(e0, eP);
                int bits0 = Math.abs(v0.signedBits()[j]);
                if (bits0 + (e0 - e) > 190 || bitLength(p) + (eP - e) > 190) {
                    return null;
                }
                a[2] = 0;
                a[1] = v0.mag()[2 * j];
                a[0] = v0.mag()[2 * j + 1];
                shiftLeft(a, e0 - e);
                shiftLeft(p, eP - e);
                if (s0 < 0) {
                    negate(a);
                }
                if (qSign[j] < 0) {
                    negate(p);
                }
                add(p, a);
            }
            int sign = toMagnitude(p);
            if (sign == 0) {
                continue;   // zero
            }
            int tz = toOdd(p);
            int bits = bitLength(p);
            if (bits > MAX_BITS) {
                return null;
            }
            mag[2 * j] = p[1];
            mag[2 * j + 1] = p[0];
            exp[j] = e + tz;
            signedBits[j] = sign * bits;
        }
        return new WideAffine.Wide(mag, exp, signedBits);
    }

    /**
     * {@code v1_j − v0_j} correctly rounded to a double (as {@link Dyadic#approx()} rounds the exact
     * difference), or NaN when the aligned values do not fit in 192 bits.
     */
    static double differenceApprox(WideAffine.Wide v1, WideAffine.Wide v0, int j) {
        long[] d = new long[3];
        int e = difference(v1, v0, j, d);
        if (e == Integer.MIN_VALUE) {
            return Double.NaN;
        }
        int sign = toMagnitude(d);
        if (sign == 0) {
            return 0;
        }
        int tz = toOdd(d);
        if (d[2] != 0) {
            return Double.NaN;   // more than 128 bits after all
        }
        return Dyadic.approx(sign, e + tz, d[1], d[0]);
    }

    /**
     * {@code v1_j − v0_j} as a signed 192-bit number (two's complement, {@code d[0]} the low word) at the
     * returned exponent; {@code Integer.MIN_VALUE} when the aligned values do not fit.
     */
    private static int difference(WideAffine.Wide v1, WideAffine.Wide v0, int j, long[] d) {
        int s1 = v1.signum(j);
        int s0 = v0.signum(j);
        d[0] = 0;
        d[1] = 0;
        d[2] = 0;
        if (s1 == 0 && s0 == 0) {
            return 0;
        }
        int e1 = v1.exp()[j];
        int e0 = v0.exp()[j];
        int e = s1 == 0 ? e0 : s0 == 0 ? e1 : Math.min(e1, e0);
        long[] b = new long[3];
        if (s1 != 0) {
            if (Math.abs(v1.signedBits()[j]) + (e1 - e) > 190) {
                return Integer.MIN_VALUE;
            }
            d[1] = v1.mag()[2 * j];
            d[0] = v1.mag()[2 * j + 1];
            shiftLeft(d, e1 - e);
            if (s1 < 0) {
                negate(d);
            }
        }
        if (s0 != 0) {
            if (Math.abs(v0.signedBits()[j]) + (e0 - e) > 190) {
                return Integer.MIN_VALUE;
            }
            b[1] = v0.mag()[2 * j];
            b[0] = v0.mag()[2 * j + 1];
            shiftLeft(b, e0 - e);
            if (s0 > 0) {
                negate(b);
            }
            add(d, b);
        }
        return e;
    }

    /** Whether {@code a − b} is exactly the double d = a − b (TwoSum). */
    private static boolean exactDifference(double a, double b, double d) {
        double bb = d - a;
        return (a - (d - bb)) + (-b - bb) == 0 && Double.isFinite(d);
    }

    /** The odd integer m with {@code x = m·2^e}, for a positive finite double. */
    private static long oddMantissa(double x) {
        long bits = Double.doubleToRawLongBits(x);
        long m = (bits & 0xfffffffffffffL) | ((bits >>> 52) != 0 ? 1L << 52 : 0);
        return m >>> Long.numberOfTrailingZeros(m);
    }

    /** The e with {@code x = m·2^e}, m odd, for a positive finite double. */
    private static int oddExponent(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) (bits >>> 52);
        long m = (bits & 0xfffffffffffffL) | (biased != 0 ? 1L << 52 : 0);
        return (biased != 0 ? biased - 1075 : -1074) + Long.numberOfTrailingZeros(m);
    }

    /** The high 64 bits of the unsigned product a·b. */
    static long mulHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** {@code v += w}, 192-bit two's complement (words low to high). */
    private static void add(long[] v, long[] w) {
        long s0 = v[0] + w[0];
        long c0 = Long.compareUnsigned(s0, v[0]) < 0 ? 1 : 0;
        long s1 = v[1] + w[1];
        long c1 = Long.compareUnsigned(s1, v[1]) < 0 ? 1 : 0;
        long s1c = s1 + c0;
        c1 += Long.compareUnsigned(s1c, s1) < 0 ? 1 : 0;
        v[0] = s0;
        v[1] = s1c;
        v[2] = v[2] + w[2] + c1;
    }

    /** Replaces a signed 192-bit v by its magnitude; returns its sign (−1, 0 or 1). */
    private static int toMagnitude(long[] v) {
        int sign = v[2] < 0 ? -1 : (v[2] | v[1] | v[0]) != 0 ? 1 : 0;
        if (sign < 0) {
            negate(v);
        }
        return sign;
    }

    /** Shifts a non-zero magnitude right until it is odd; returns by how many bits. */
    private static int toOdd(long[] v) {
        int tz = trailingZeros(v);
        shiftRight(v, tz);
        return tz;
    }

    /** {@code v = −v}, 192-bit two's complement. */
    private static void negate(long[] v) {
        v[0] = ~v[0];
        v[1] = ~v[1];
        v[2] = ~v[2];
        v[0]++;
        if (v[0] == 0) {
            v[1]++;
            if (v[1] == 0) {
                v[2]++;
            }
        }
    }

    /** {@code v <<= k} for a non-negative 192-bit v that stays below 2¹⁹¹ (0 ≤ k &lt; 192). */
    private static void shiftLeft(long[] v, int k) {
        while (k >= 64) {
            v[2] = v[1];
            v[1] = v[0];
            v[0] = 0;
            k -= 64;
        }
        if (k > 0) {
            v[2] = (v[2] << k) | (v[1] >>> (64 - k));
            v[1] = (v[1] << k) | (v[0] >>> (64 - k));
            v[0] = v[0] << k;
        }
    }

    /** {@code v >>>= k} for a non-negative 192-bit v (0 ≤ k &lt; 192). */
    private static void shiftRight(long[] v, int k) {
        while (k >= 64) {
            v[0] = v[1];
            v[1] = v[2];
            v[2] = 0;
            k -= 64;
        }
        if (k > 0) {
            v[0] = (v[0] >>> k) | (v[1] << (64 - k));
            v[1] = (v[1] >>> k) | (v[2] << (64 - k));
            v[2] = v[2] >>> k;
        }
    }

    /** Trailing zero bits of a non-zero 192-bit v. */
    private static int trailingZeros(long[] v) {
        if (v[0] != 0) {
            return Long.numberOfTrailingZeros(v[0]);
        }
        return v[1] != 0 ? 64 + Long.numberOfTrailingZeros(v[1]) : 128 + Long.numberOfTrailingZeros(v[2]);
    }

    /** Bit length of a non-negative 192-bit v. */
    private static int bitLength(long[] v) {
        if (v[2] != 0) {
            return 192 - Long.numberOfLeadingZeros(v[2]);
        }
        return v[1] != 0 ? 128 - Long.numberOfLeadingZeros(v[1]) : 64 - Long.numberOfLeadingZeros(v[0]);
    }
}
