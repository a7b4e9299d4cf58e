package org.actlab.approx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Dyadic's doubles: the fast power-of-two scaling is Math.scalb, and the 128-bit form rounds as BigInteger does. */
class DyadicApproxTest {
    @Test
    void sameDoubleAsScalb() {
        SplittableRandom r = new SplittableRandom(11);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, 1.0, -3.0};
        for (int t = 0; t < 200_000; t++) {
            double d = t < special.length * 50 ? special[t % special.length]
                    : Double.longBitsToDouble(r.nextLong());   // every exponent, subnormals included
            int e = r.nextInt(-1200, 1200);
            // scalb is exact unless the result is subnormal or overflows; the fast path must give the same double
            // there and hand everything else to scalb, so the two agree on all inputs
            assertEquals(Double.doubleToRawLongBits(Math.scalb(d, e)) == Double.doubleToRawLongBits(Dyadic.scale(d, e))
                    || Double.isNaN(d), true, d + " · 2^" + e);
        }
    }

    @Test
    void wideFormRoundsAsBigIntegerDoes() {
        // correctly rounded whatever the bit length (1 … 128), including the halfway cases that a sum of two
        // rounded halves would get wrong: a mantissa with its 54th bit set and nothing below but one far bit
        SplittableRandom r = new SplittableRandom(13);
        for (int t = 0; t < 200_000; t++) {
            int bits = 1 + r.nextInt(128);
            BigInteger m = new BigInteger(bits, new java.util.Random(r.nextLong())).setBit(bits - 1);
            if (t % 4 == 0 && bits > 60) {
                m = BigInteger.ONE.shiftLeft(bits - 1).setBit(bits - 54);   // a tie: the round bit alone ...
                if (r.nextBoolean()) {
                    m = m.setBit(r.nextInt(bits - 54));   // ... or just above it
                }
            }
            long hi = m.shiftRight(64).longValue();
            long lo = m.longValue();
            int e = r.nextInt(-300, 300);
            int sign = r.nextBoolean() ? 1 : -1;
            double expected = sign * Math.scalb(m.doubleValue(), e);
            assertEquals(expected, Dyadic.approx(sign, e, hi, lo), m + " · 2^" + e);
        }
    }
}
