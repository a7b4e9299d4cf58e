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

    /** {@code W·h + b} exactly, or {@code null} when some row does not fit in 128 bits. */
    static Dyadic[] affine(Dyadic[][] w, Dyadic[] b, Dyadic[] h) {
        int n = h.length;
        long[] hHi = new long[n];
        long[] hLo = new long[n];
        int[] hBits = new int[n];
        for (int j = 0; j < n; j++) {
            if (h[j].signum() == 0) {
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
        Dyadic[] out = new Dyadic[w.length];
        long[] term = new long[2];
        for (int i = 0; i < w.length; i++) {
            Dyadic[] row = w[i];
            // the row's smallest exponent and a check that every aligned term fits
            int eMin = Integer.MAX_VALUE;
            int terms = 0;
            if (b[i].signum() != 0) {
                eMin = b[i].exponent;
                terms++;
            }
            for (int j = 0; j < n; j++) {
                if (row[j].signum() != 0 && h[j].signum() != 0) {
                    eMin = Math.min(eMin, row[j].exponent + h[j].exponent);
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
            if (b[i].signum() != 0) {
                BigInteger bm = b[i].mantissa.abs();
                if (bm.bitLength() + (b[i].exponent - eMin) > MAX_BITS) {
                    return null;
                }
                term[0] = 0;
                term[1] = bm.longValue();   // a double's mantissa: at most 53 bits
                shiftLeft(term, b[i].exponent - eMin);
                if (b[i].signum() < 0) {
                    negate(term);
                }
                accLo = term[1];
                accHi = term[0];
            }
            for (int j = 0; j < n; j++) {
                if (row[j].signum() == 0 || h[j].signum() == 0) {
                    continue;
                }
                long wm = Math.abs(row[j].mantissa.longValue());   // a double's mantissa: at most 53 bits
                int shift = row[j].exponent + h[j].exponent - eMin;
                if (64 - Long.numberOfLeadingZeros(wm) + hBits[j] + shift > MAX_BITS) {
                    return null;
                }
                // |h|·|w| < 2^122: low word lo·w, high word hi·w + the unsigned high half of lo·w
                long lo = hLo[j] * wm;
                long hi = hHi[j] * wm + Math.multiplyHigh(hLo[j], wm) + ((hLo[j] >> 63) & wm);
                term[0] = hi;
                term[1] = lo;
                shiftLeft(term, shift);
                if (row[j].signum() * h[j].signum() < 0) {
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
        return Dyadic.of(negative ? m.negate() : m, e + tz);
    }
}
