package org.actlab.approx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The 128-bit affine map against BigInteger dyadic arithmetic, bit for bit. */
class WideAffineTest {
    private static Dyadic randomDyadic(SplittableRandom r, int maxBits) {
        if (r.nextInt(10) == 0) {
            return Dyadic.ZERO;
        }
        int bits = 1 + r.nextInt(maxBits);
        BigInteger m = new BigInteger(bits, new java.util.Random(r.nextLong())).setBit(bits - 1);
        return Dyadic.of(r.nextBoolean() ? m : m.negate(), r.nextInt(-80, 40));
    }

    private static Dyadic randomWeight(SplittableRandom r) {
        switch (r.nextInt(4)) {
            case 0:
                return Dyadic.ZERO;
            case 1:
                return Dyadic.of(Math.scalb(r.nextBoolean() ? 1.0 : -1.0, r.nextInt(-8, 8)));   // a power of two
            default:
                return Dyadic.of(r.nextDouble(-8, 8));   // an arbitrary double (53-bit mantissa)
        }
    }

    @Test
    void agreesWithDyadicArithmeticExactly() {
        SplittableRandom r = new SplittableRandom(7);
        int computed = 0;
        int trials = 20_000;
        for (int t = 0; t < trials; t++) {
            int n = 1 + r.nextInt(6);
            int rows = 1 + r.nextInt(6);
            int maxBits = r.nextBoolean() ? 60 : 110;
            Dyadic[] h = new Dyadic[n];
            for (int j = 0; j < n; j++) {
                h[j] = randomDyadic(r, maxBits);
            }
            Dyadic[][] w = new Dyadic[rows][n];
            Dyadic[] b = new Dyadic[rows];
            for (int i = 0; i < rows; i++) {
                b[i] = r.nextInt(3) == 0 ? Dyadic.ZERO : Dyadic.of(r.nextDouble(-100, 100));
                for (int j = 0; j < n; j++) {
                    w[i][j] = randomWeight(r);
                }
            }
            Dyadic[] wide = WideAffine.affine(w, b, h);
            if (wide == null) {
                continue;
            }
            computed++;
            for (int i = 0; i < rows; i++) {
                Dyadic expected = b[i];
                for (int j = 0; j < n; j++) {
                    expected = expected.add(w[i][j].multiply(h[j]));
                }
                assertEquals(0, expected.compareTo(wide[i]), "trial " + t + " row " + i);
                // both normalised: the same mantissa and exponent
                assertEquals(expected.mantissa(), wide[i].mantissa(), "trial " + t + " row " + i);
                if (expected.signum() != 0) {
                    assertEquals(expected.exponent, wide[i].exponent, "trial " + t + " row " + i);
                }
            }
        }
        // inputs up to 110 bits with exponents spread over 120: most rows fit in 122 bits, some do not
        assertTrue(computed > trials / 4, "computed " + computed);
    }

    @Test
    void chainedLayersUseTheCarried128BitFormExactly() {
        // outputs of one layer carry their 128-bit form into the next; a second layer on them must equal
        // BigInteger arithmetic on the same values (inputs from doubles carry it too)
        SplittableRandom r = new SplittableRandom(11);
        int chained = 0;
        for (int t = 0; t < 5_000; t++) {
            int n = 1 + r.nextInt(5);
            Dyadic[] h = new Dyadic[n];
            for (int j = 0; j < n; j++) {
                h[j] = Dyadic.of(r.nextDouble(-4, 4));
            }
            Dyadic[] current = h;
            for (int layer = 0; layer < 4 && current != null; layer++) {
                Dyadic[][] w = new Dyadic[n][current.length];
                Dyadic[] b = new Dyadic[n];
                for (int i = 0; i < n; i++) {
                    b[i] = Dyadic.of(r.nextDouble(-2, 2));
                    for (int j = 0; j < current.length; j++) {
                        w[i][j] = randomWeight(r);
                    }
                }
                Dyadic[] next = WideAffine.affine(w, b, current);
                if (next == null) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    Dyadic expected = b[i];
                    for (int j = 0; j < current.length; j++) {
                        expected = expected.add(w[i][j].multiply(current[j]));
                    }
                    assertEquals(expected.mantissa(), next[i].mantissa(), "trial " + t + " layer " + layer);
                    if (expected.signum() != 0) {
                        assertEquals(expected.exponent, next[i].exponent);
                        assertEquals(expected.mantissa().abs().bitLength(), next[i].wideBits);
                    }
                }
                chained += layer > 0 ? 1 : 0;
                current = next;
            }
        }
        assertTrue(chained > 1000, "chained " + chained);
    }

    @Test
    void exactQuotientIsExactOrNull() {
        // n/d is dyadic iff d's odd part divides n's mantissa; a quotient q must satisfy q·d = n exactly
        SplittableRandom r = new SplittableRandom(5);
        int dyadic = 0;
        for (int t = 0; t < 5_000; t++) {
            Dyadic d = Dyadic.of(r.nextInt(1, 64) * (r.nextBoolean() ? 1.0 : -1.0) * Math.scalb(1.0, r.nextInt(-20, 20)));
            Dyadic n = r.nextBoolean() ? randomDyadic(r, 90).multiply(d) : randomDyadic(r, 90);
            Dyadic q = Dyadic.exactQuotient(n, d);
            if (q == null) {
                BigInteger odd = d.mantissa().abs();
                assertTrue(n.mantissa().mod(odd).signum() != 0, "trial " + t);
            } else {
                dyadic++;
                assertEquals(0, q.multiply(d).compareTo(n), "trial " + t);
            }
        }
        assertTrue(dyadic > 2_500, "dyadic " + dyadic);
    }
}
