package org.actlab.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.junit.jupiter.api.Test;

class TermSizeTest {
    private static final double U = 0x1p-53;

    @Test
    void sizesFollowTheRunningErrorRules() {
        TermSize a = TermSize.variable(1, 0, -3);
        TermSize b = TermSize.constant(1, 2);
        // |a| + |b| (+ the underflow term, 2^-1022, far below): the sum's size is that of its terms, not of −1
        assertEquals(5, a.add(b).size(), 1e-300);
        assertEquals(6, a.multiply(b).size(), 1e-300);
        // d(a·b)/da = b, its size |da|·M(b) + M(a)·|db| = 2
        assertEquals(2, a.multiply(b).derivative(0), 0);
        assertEquals(2, a.multiply(b).derivativeSize(0), 1e-300);
    }

    @Test
    void cancellationKeepsTheSizeOfTheTerms() {
        // e^x − 1 − x at x = 1e-5 is 5e-11, but expm1(x) − x rounds on the scale of |x|: size ≈ 3e-5
        double x = 1e-5;
        TermSize t = TermSize.variable(1, 0, x).expm1().subtract(TermSize.variable(1, 0, x));
        assertTrue(Math.abs(t.getValue()) < 1e-10);
        assertTrue(t.size() > 2 * x && t.size() < 4 * x, "size " + t.size());
        // the derivative e^x − 1 ≈ 1e-5 is formed as e^x·1 − 1: its size is about 2, not 1e-5
        assertTrue(t.derivativeSize(0) > 1.9, "derivative size " + t.derivativeSize(0));
    }

    @Test
    void hornerErrorIsBoundedByTheSize() {
        // PolyReLU with alternating coefficients cancels; the double evaluation must lie within 2r·u·T of the exact value
        // (Higham's bound for Horner's rule is γ_2r·Σ|a_i||x|^i, and the term size T is at least that sum)
        SplittableRandom random = new SplittableRandom(7);
        int order = 7;
        double[] c = new double[order + 1];
        for (int i = 0; i <= order; i++) {
            c[i] = (i % 2 == 0 ? 1 : -1) * random.nextDouble(0.5, 2);
        }
        ScalarActivation p = Catalogue.scalar("polyrelu", Map.of("coeffs", c));
        for (int k = 0; k < 2000; k++) {
            double x = random.nextDouble(0, 3);
            TermSize t = p.value(TermSize.variable(1, 0, x));
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = order; i >= 0; i--) {
                exact = exact.multiply(new BigDecimal(x)).add(new BigDecimal(c[i]), MathContext.DECIMAL128);
            }
            double error = Math.abs(new BigDecimal(p.value(x)).subtract(exact).doubleValue());
            assertTrue(error <= 2 * order * U * t.size(), "x = " + x + ": error " + error + ", size " + t.size());
        }
    }

    @Test
    void subnormalResultsCountTheirAbsoluteRounding() {
        TermSize tiny = TermSize.variable(1, 0, 1e-310).multiply(TermSize.constant(1, 1e-10));
        assertTrue(tiny.size() >= TermSize.UNDERFLOW, "a product in the subnormal range carries 2^-1075/u");
    }

    @Test
    void pointsAreSeededAndStartWithTheSpecialOnes() {
        double[] a = new SamplePoints(3, new double[] {0}).next(1000);
        double[] b = new SamplePoints(3, new double[] {0}).next(1000);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        assertEquals(0.0, a[0]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(a[1]));
    }
}
