package org.actlab.approx;

import java.math.BigInteger;

/**
 * The exact affine map {@code z = W·h + b} of dyadic values in 128-bit fixed-point arithmetic: each
 * row's terms are aligned to the row's smallest exponent and summed in a signed 128-bit integer (two
 * longs), with no {@link BigInteger} made at all (the results keep their 128-bit form). The mantissas of
 * the certifier's networks stay below 106 bits, so this covers them; a row whose aligned terms could
 * exceed 122 bits is left to {@link Dyadic} arithmetic ({@code null} is returned).
 */
final class WideAffine {
    /** Aligned terms must stay below 2^122, so that up to 16 of them sum below 2^126 (no overflow). */
    private static final int MAX_BITS = 122;

    private WideAffine() {
    }

    /**
     * A layer's weights and biases as signed 53-bit mantissas and exponents (value = m·2^e; m = 0 for
     * zero), computed once.
     */
    record Weights(long[][] wm, int[][] we, long[] bm, int[] be) {
        static Weights of(Dyadic[][] w, Dyadic[] b) {
            long[][] wm = new long[w.length][];
            int[][] we = new int[w.length][];
            long[] bm = new long[b.length];
            int[] be = new int[b.length];
            for (int i = 0; i < w.length; i++) {
                wm[i] = new long[w[i].length];
                we[i] = new int[w[i].length];
                for (int j = 0; j < w[i].length; j++) {
                    wm[i][j] = w[i][j].mantissa().longValue();   // a double's mantissa: at most 53 bits
                    we[i][j] = w[i][j].exponent;
                }
                bm[i] = b[i].mantissa().longValue();
                be[i] = b[i].exponent;
            }
            return new Weights(wm, we, bm, be);
        }
    }

    /**
     * Exact values of a layer's units in 128-bit form, without objects per value: unit j is
     * {@code ±(mag[2j]·2^64 + mag[2j+1])·2^exp[j]} with an odd magnitude of {@code |signedBits[j]|}
     * bits; {@code signedBits[j]} is 0 for zero and negative for a negative value.
     */
    record Wide(long[] mag, int[] exp, int[] signedBits) {
        int size() {
            return exp.length;
        }

        int signum(int j) {
            return Integer.signum(signedBits[j]);
        }

        /** The first unit with a strict sign change from these values to {@code other}'s, or −1. */
        int firstSignChange(Wide other) {
            int[] a = signedBits;
            int[] b = other.signedBits;
            for (int j = 0; j < a.length; j++) {
                if ((a[j] ^ b[j]) < 0 && a[j] != 0 && b[j] != 0) {
                    return j;
                }
            }
            return -1;
        }

        /** The value correctly rounded to a double (see {@link Dyadic#approx(int, int, long, long)}). */
        double approx(int j) {
            return Dyadic.approx(signum(j), exp[j], mag[2 * j], mag[2 * j + 1]);
        }

        Dyadic dyadic(int j) {
            return signedBits[j] == 0 ? Dyadic.ZERO : Dyadic.wide(signum(j), exp[j], mag[2 * j], mag[2 * j + 1]);
        }

        Dyadic[] dyadics() {
            Dyadic[] d = new Dyadic[size()];
            for (int j = 0; j < d.length; j++) {
                d[j] = dyadic(j);
            }
            return d;
        }

        /** {@code max(h, 0)} entry by entry. */
        Wide relu() {
            int[] sb = signedBits.clone();
            for (int j = 0; j < sb.length; j++) {
                sb[j] = Math.max(sb[j], 0);
            }
            return new Wide(mag, exp, sb);
        }

        /** The exact values of doubles. */
        static Wide ofDoubles(double[] x) {
            Dyadic[] d = new Dyadic[x.length];
            for (int j = 0; j < x.length; j++) {
                d[j] = Dyadic.of(x[j]);
            }
            return of(d);
        }

        /** The 128-bit form of dyadics, or null when one has more than {@value WideAffine#MAX_BITS} bits. */
        static Wide of(Dyadic[] d) {
            int n = d.length;
            long[] mag = new long[2 * n];
            int[] exp = new int[n];
            int[] sb = new int[n];
            for (int j = 0; j < n; j++) {
                int sign = d[j].signum();
                if (sign == 0) {
                    continue;
                }
                exp[j] = d[j].exponent;
                if (d[j].wideBits >= 0) {
                    if (d[j].wideBits > MAX_BITS) {
                        return null;
                    }
                    mag[2 * j] = d[j].wideHi;
                    mag[2 * j + 1] = d[j].wideLo;
                    sb[j] = sign * d[j].wideBits;
                    continue;
                }
                BigInteger m = d[j].mantissa().abs();
                int bits = m.bitLength();
                if (bits > MAX_BITS) {
                    return null;
                }
                mag[2 * j] = bits > 64 ? m.shiftRight(64).longValue() : 0;
                mag[2 * j + 1] = m.longValue();
                sb[j] = sign * bits;
            }
            return new Wide(mag, exp, sb);
        }
    }

    /** {@code W·h + b} exactly, or {@code null} when some row does not fit in 128 bits. */
    static Dyadic[] affine(Dyadic[][] w, Dyadic[] b, Dyadic[] h) {
        Wide hw = Wide.of(h);
        Wide z = hw == null ? null : affine(Weights.of(w, b), hw);
        return z == null ? null : z.dyadics();
    }

    /** {@code W·h + b} exactly, or {@code null} when some row does not fit in 128 bits. */
    static Wide affine(Weights lw, Wide h) {
        int n = h.size();
        long[] hMag = h.mag();
        int[] hExp = h.exp();
        int[] hSigned = h.signedBits();
        int rows = lw.wm().length;
        long[] outMag = new long[2 * rows];
        int[] outExp = new int[rows];
        int[] outSigned = new int[rows];
        long[] term = new long[2];
        for (int i = 0; i < rows; i++) {
            long[] wm = lw.wm()[i];
            int[] we = lw.we()[i];
            long bm = lw.bm()[i];
            int be = lw.be()[i];
            // the row's smallest exponent and a check that every aligned term fits
            int eMin = Integer.MAX_VALUE;
            int terms = 0;
            if (bm != 0) {
                eMin = be;
                terms++;
            }
            for (int j = 0; j < n; j++) {
                if (wm[j] != 0 && hSigned[j] != 0) {
                    eMin = Math.min(eMin, we[j] + hExp[j]);
                    terms++;
                }
            }
            if (terms == 0) {
                continue;   // zero
            }
            if (terms > 16) {
                return null;
            }
            long accHi = 0;
            long accLo = 0;
            if (bm != 0) {
                long mag = Math.abs(bm);
                int shift = be - eMin;
                if (64 - Long.numberOfLeadingZeros(mag) + shift > MAX_BITS) {
                    return null;
                }
                term[0] = 0;
                term[1] = mag;
                shiftLeft(term, shift);
                if (bm < 0) {
                    negate(term);
                }
                accLo = term[1];
                accHi = term[0];
            }
            for (int j = 0; j < n; j++) {
                if (wm[j] == 0 || hSigned[j] == 0) {
                    continue;
                }
                long wAbs = Math.abs(wm[j]);
                int shift = we[j] + hExp[j] - eMin;
                if (64 - Long.numberOfLeadingZeros(wAbs) + Math.abs(hSigned[j]) + shift > MAX_BITS) {
                    return null;
                }
                // |h|·|w| < 2^122: low word lo·w, high word hi·w + the unsigned high half of lo·w
                long hLo = hMag[2 * j + 1];
                long lo = hLo * wAbs;
                long hi = hMag[2 * j] * wAbs + Math.multiplyHigh(hLo, wAbs) + ((hLo >> 63) & wAbs);
                term[0] = hi;
                term[1] = lo;
                shiftLeft(term, shift);
                if ((wm[j] < 0) != (hSigned[j] < 0)) {
                    negate(term);
                }
                long sumLo = accLo + term[1];
                long carry = Long.compareUnsigned(sumLo, accLo) < 0 ? 1 : 0;
                accHi = accHi + term[0] + carry;
                accLo = sumLo;
            }
            store(accHi, accLo, eMin, i, outMag, outExp, outSigned);
        }
        return new Wide(outMag, outExp, outSigned);
    }

    /** Shifts the non-negative 128-bit value {hi, lo} left by k (0 ≤ k < 128; the caller checked the bits). */
    private static void shiftLeft(long[] v, int k) {
        if (k == 0) {
            return;
        }
        if (k >= 64) {
            v[0] = v[1] << (k - 64);
            v[1] = 0;
        } else {
            v[0] = (v[0] << k) | (v[1] >>> (64 - k));
            v[1] = v[1] << k;
        }
    }

    /** Two's-complement negation of {hi, lo}. */
    private static void negate(long[] v) {
        v[1] = -v[1];
        v[0] = ~v[0] + (v[1] == 0 ? 1 : 0);
    }

    /** Stores the signed 128-bit value {hi, lo}·2^e, normalised (odd magnitude), as entry i. */
    private static void store(long hi, long lo, int e, int i, long[] mag, int[] exp, int[] signedBits) {
        if (hi == 0 && lo == 0) {
            return;
        }
        boolean negative = hi < 0;
        if (negative) {
            lo = -lo;
            hi = ~hi + (lo == 0 ? 1 : 0);
        }
        int tz = lo != 0 ? Long.numberOfTrailingZeros(lo) : 64 + Long.numberOfTrailingZeros(hi);
        if (tz >= 64) {
            lo = hi >>> (tz - 64);
            hi = 0;
        } else if (tz > 0) {
            lo = (lo >>> tz) | (hi << (64 - tz));
            hi = hi >>> tz;
        }
        int bits = hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
        mag[2 * i] = hi;
        mag[2 * i + 1] = lo;
        exp[i] = e + tz;
        signedBits[i] = negative ? -bits : bits;
    }
}
