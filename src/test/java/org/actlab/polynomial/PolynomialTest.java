package org.actlab.polynomial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.actlab.ActlabException;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * The polynomial value at the bottom of the certifier: its Horner kernels, exact evaluation, roots
 * and range, and the interval value. The expected values are exact (small integers, dyadic points,
 * polynomials with known roots), so double results are compared with tolerance 0 or with the one
 * rounding that Horner's rule may make per step (stated where used).
 */
class PolynomialTest {
    @Test
    void hornerAgreesWithExactEvaluationWhereEveryStepIsExact() {
        // p(x) = 1 − 3x + 2x³ at dyadic points: every product and sum is a small dyadic, so Horner in
        // double is exact and must equal the rational value bit for bit
        Polynomial p = Polynomial.of(1, -3, 0, 2);
        for (double x : new double[] {-2, -0.5, 0, 0.25, 1.5, 3}) {
            assertEquals(p.exactValue(new BigFraction(x)).doubleValue(), p.value(x), 0.0);
        }
        assertEquals(3, p.degree());
        assertArrayEquals(new double[] {-3, 0, 6}, p.derivative().coefficients(), 0.0);
    }

    @Test
    void trailingZerosAreTrimmedAndAConstantHasDerivativeZero() {
        assertEquals(1, Polynomial.of(0, 5, 0, 0).degree());
        assertEquals(Polynomial.of(0, 5), Polynomial.of(0, 5, 0, 0));
        assertArrayEquals(new double[] {0}, Polynomial.derivative(new double[] {7}), 0.0);
        assertEquals(0.0, Polynomial.horner(new double[0], 3.0), 0.0);
    }

    @Test
    void rootsOfAProductOfLinearFactorsAreFoundToTheLastDouble() {
        // (x − ½)(x + ¼)(x − 2) = x³ − (9/4)x² + (3/8)x + ¼: roots ½ and −¼ inside (−1, 1), 2 outside;
        // dyadic roots are doubles and bisection to the last double lands on them exactly
        double[] q = {0.25, 0.375, -2.25, 1};
        assertArrayEquals(new double[] {-0.25, 0.5}, Polynomial.rootsInside(q, -1, 1), 0.0);
        assertArrayEquals(new double[] {-0.25, 0.5, 2}, Polynomial.rootsInside(q, -1, 3), 0.0);
        // a five-fold root (6x⁵) where Laguerre's method fails to converge
        assertArrayEquals(new double[] {0.0}, Polynomial.rootsInside(new double[] {0, 0, 0, 0, 0, 6}, -1, 1), 0.0);
    }

    @Test
    void rangeIsAttainedAtTheEndsOrACriticalPoint() {
        // x² − x on [−1, 2]: minimum −¼ at x = ½ (a critical point), maximum 2 at both ends
        assertArrayEquals(new double[] {-0.25, 2}, Polynomial.of(0, -1, 1).range(-1, 2), 0.0);
        // a PolyReLU target 1 + x + x²/2 + x³/4 on [−1, 1]: 1 for x ≤ 0, increasing for x > 0
        Target t = Target.polyRelu(new double[] {1, 1, 0.5, 0.25});
        assertArrayEquals(new double[] {1, 2.75}, t.range(-1, 1), 0.0);
    }

    @Test
    void absBoundCoversEveryValueOnTheDisc() {
        double[] c = {1, -3, 0, 2};
        double bound = Polynomial.absBound(c, 1.5);
        // Σ|c_i|·1.5^i = 1 + 4.5 + 6.75 = 12.25, enlarged by (1 + 8u)
        assertEquals(12.25 * (1 + 8 * Math.ulp(1.0) / 2), bound, 0.0);
        for (double x = -1.5; x <= 1.5; x += 1.0 / 64) {
            assertTrue(Math.abs(Polynomial.horner(c, x)) <= bound);
        }
    }

    @Test
    void intervalChecksItselfOnce() {
        assertEquals(0.0, Interval.of(-0.0, 1).a(), 0.0);
        assertEquals(1 / 0.0, 1 / Interval.of(-0.0, 1).a());   // −0.0 is stored as +0.0
        assertTrue(Interval.of(-2, 1).straddlesZero());
        assertEquals(2.0, Interval.of(-2, 1).maxAbs(), 0.0);
        for (double[] bad : new double[][] {{1, 1}, {2, 1}, {Double.NaN, 1}, {0, Double.POSITIVE_INFINITY}}) {
            ActlabException e = assertThrows(ActlabException.class, () -> Interval.of(bad[0], bad[1]));
            assertTrue(e.getMessage().contains("finite ends with a < b"), e.getMessage());
        }
    }

    @Test
    void targetNamesAreCheckedBeforeAnyWork() {
        assertEquals("power:3", Target.checkName(" power:3 ", false));
        assertEquals("product", Target.checkName("product", true));
        // product is approx's alone; powers go from 1 to 32; the name must be one of the five
        for (String bad : new String[] {"product", "power:0", "power:33", "relu-power:x", "cube"}) {
            assertThrows(ActlabException.class, () -> Target.checkName(bad, false), bad);
        }
        assertEquals(Target.power(3), Target.parse("power:3", null));
    }
}
