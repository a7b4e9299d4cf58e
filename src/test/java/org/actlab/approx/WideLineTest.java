package org.actlab.approx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The fixed-width line through two exact value vectors against Dyadic (BigInteger) arithmetic, value for value. */
class WideLineTest {
    private static Dyadic randomDyadic(SplittableRandom r, int maxBits, int minExponent) {
        if (r.nextInt(8) == 0) {
            return Dyadic.ZERO;
        }
        int bits = 1 + r.nextInt(maxBits);
        BigInteger m = new BigInteger(bits, new java.util.Random(r.nextLong())).setBit(bits - 1);
        return Dyadic.of(r.nextBoolean() ? m : m.negate(), r.nextInt(minExponent, minExponent + 20));
    }

    @Test
    void interpolatesExactlyWhereTheSlopesAreDyadic() {
        // anywhere: exact whenever it answers
        check(new SplittableRandom(17), -2, 100, 40, false);
        // ends in [1, 2) (their differences are doubles, Sterbenz) and values and slopes small enough that every
        // product and sum stays below 122 bits: it must answer every time
        check(new SplittableRandom(19), 1, 50, 20, true);
    }

    private static void check(SplittableRandom r, double from, int valueBits, int slopeBits, boolean mustFit) {
        int made = 0;
        for (int t = 0; t < 20_000; t++) {
            int n = 1 + r.nextInt(6);
            double x0 = r.nextDouble(from, 1.5);
            double x1 = x0 + r.nextDouble(1e-12, 0.5);
            double x = x0 + (x1 - x0) * r.nextDouble(0.01, 0.99);
            if (!(x > x0 && x < x1)) {
                continue;
            }
            Dyadic width = Dyadic.of(x1).subtract(Dyadic.of(x0));
            Dyadic dx = Dyadic.of(x).subtract(Dyadic.of(x0));
            // values linear on [x0, x1]: z(x0) arbitrary, slopes arbitrary dyadics, so z(x1) and z(x) are exact
            Dyadic[] z0 = new Dyadic[n];
            Dyadic[] z1 = new Dyadic[n];
            Dyadic[] zx = new Dyadic[n];
            for (int j = 0; j < n; j++) {
                z0[j] = randomDyadic(r, valueBits, mustFit ? -40 : -120);
                Dyadic s = r.nextInt(5) == 0 ? Dyadic.ZERO : randomDyadic(r, slopeBits, mustFit ? -20 : -120);
                z1[j] = z0[j].add(s.multiply(width));
                zx[j] = z0[j].add(s.multiply(dx));
            }
            WideAffine.Wide w0 = WideAffine.Wide.of(z0);
            WideAffine.Wide w1 = WideAffine.Wide.of(z1);
            if (w0 == null || w1 == null) {
                continue;
            }
            WideLine line = WideLine.through(x0, w0, x1, w1);
            WideAffine.Wide at = line == null ? null : line.at(x);
            if (at == null) {
                assertTrue(!mustFit, "trial " + t + " did not fit");
                continue;   // a width or offset that is not a double, or values beyond 122 bits: Dyadic's job
            }
            made++;
            for (int j = 0; j < n; j++) {
                assertEquals(0, at.dyadic(j).compareTo(zx[j]), "trial " + t + ", unit " + j);
                // the difference helper rounds the exact z(x1) − z(x0) as Dyadic does
                assertEquals(z1[j].subtract(z0[j]).approx(), WideLine.differenceApprox(w1, w0, j), "trial " + t + ", unit " + j);
            }
        }
        assertTrue(made > 0);
    }

    @Test
    void refusesSlopesThatAreNotDyadic() {
        // z(0) = 0, z(3) = 1: the slope 1/3 is no dyadic, so there is no exact line in fixed width
        WideAffine.Wide v0 = WideAffine.Wide.of(new Dyadic[] {Dyadic.ZERO});
        WideAffine.Wide v1 = WideAffine.Wide.of(new Dyadic[] {Dyadic.of(1.0)});
        assertNull(WideLine.through(0.0, v0, 3.0, v1));
        WideLine line = WideLine.through(0.0, v0, 4.0, v1);   // slope 1/4
        assertNotNull(line);
        assertEquals(0, line.at(1.0).dyadic(0).compareTo(Dyadic.of(0.25)));
    }
}
