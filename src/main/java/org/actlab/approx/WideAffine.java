package org.actlab.approx;

import java.math.BigInteger;

/**
 * The exact affine map {@code z = W·h + b} of dyadic values in 128-bit fixed-point arithmetic: each
 * row's terms are aligned to the row's smallest exponent and summed in a signed 128-bit integer (two
 * longs), with one {@link BigInteger} made per output instead of several per term. The mantissas of
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
                    wm[i][j] = w[i][j].mantissa.longValue();   // a double's mantissa: at most 53 bits
                    we[i][j] = w[i][j].exponent;
                }
                bm[i] = b[i].mantissa.longValue();
                be[i] = b[i].exponent;
            }
            return new Weights(wm, we, bm, be);
        }
    }

    /** {@code W·h + b} exactly, or {@code null} when some row does not fit in 128 bits. */
    static Dyadic[] affine(Dyadic[][] w, Dyadic[] b, Dyadic[] h) {
        return affine(Weights.of(w, b), h);
    }

    /** {@code W·h + b} exactly, or {@code null} when some row does not fit in 128 bits. */
    static Dyadic[] affine(Weights lw, Dyadic[] h) {
        int n = h.length;
        long[] hHi = new long[n];
        long[] hLo = new long[n];
        int[] hBits = new int[n];
        int[] hSign = new int[n];
        int[] hExp = new int[n];
        for (int j = 0; j < n; j++) {
            hSign[j] = h[j].signum();
            hExp[j] = h[j].exponent;
            if (hSign[j] == 0) {
                continue;
            }
            if (h[j].wideBits >= 0) {
                // made here one layer earlier: the 128-bit form is at hand
                if (h[j].wideBits > MAX_BITS) {
                    return null;
                }
                hBits[j] = h[j].wideBits;
                hLo[j] = h[j].wideLo;
                hHi[j] = h[j].wideHi;
                continue;
            }
            BigInteger m = h[j].mantissa.abs();
            int bits = m.bitLength();
            if (bits > MAX_BITS) {
                return null;
            }
            hBits[j] = bits;
            hLo[j] = m.longValue();
            hHi[j] = bits > 64 ? m.shiftRight(64).longValue() : 0;
        }
        int rows = lw.wm().length;
        Dyadic[] out = new Dyadic[rows];
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
                if (wm[j] != 0 && hSign[j] != 0) {
                    eMin = Math.min(eMin, we[j] + hExp[j]);
                    terms++;
                }
            }
            if (terms == 0) {
                out[i] = Dyadic.ZERO;
                continue;
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
                if (wm[j] == 0 || hSign[j] == 0) {
                    continue;
                }
                long wAbs = Math.abs(wm[j]);
                int shift = we[j] + hExp[j] - eMin;
                if (64 - Long.numberOfLeadingZeros(wAbs) + hBits[j] + shift > MAX_BITS) {
                    return null;
                }
                // |h|·|w| < 2^122: low word lo·w, high word hi·w + the unsigned high half of lo·w
                long lo = hLo[j] * wAbs;
                long hi = hHi[j] * wAbs + Math.multiplyHigh(hLo[j], wAbs) + ((hLo[j] >> 63) & wAbs);
                term[0] = hi;
                term[1] = lo;
                shiftLeft(term, shift);
                if ((wm[j] < 0) != (hSign[j] < 0)) {
                    negate(term);
                }
                long sumLo = accLo + term[1];
                long carry = Long.compareUnsigned(sumLo, accLo) < 0 ? 1 : 0;
                accHi = accHi + term[0] + carry;
                accLo = sumLo;
            }
            out[i] = toDyadic(accHi, accLo, eMin);
        }
        return out;
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

    /** The signed 128-bit value {hi, lo}·2^e as a normalised dyadic. */
    private static Dyadic toDyadic(long hi, long lo, int e) {
        if (hi == 0 && lo == 0) {
            return Dyadic.ZERO;
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
        BigInteger m;
        if (hi == 0 && lo >= 0) {
            m = BigInteger.valueOf(lo);
        } else {
            byte[] bytes = new byte[17];   // big-endian magnitude with a leading zero byte (positive)
            for (int k = 0; k < 8; k++) {
                bytes[1 + k] = (byte) (hi >>> (56 - 8 * k));
                bytes[9 + k] = (byte) (lo >>> (56 - 8 * k));
            }
            m = new BigInteger(bytes);
        }
        return Dyadic.wide(negative ? m.negate() : m, e + tz, hi, lo);
    }
}
