package org.actlab.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The catalogue at the edges of the double range, held to values computed independently at 60 digits
 * (mpmath, from the closed forms of the derivatives, then rounded to the nearest double). The
 * tolerance is 8 ulps of the true value: every quantity here is a product of a few correctly rounded
 * elementary functions (exp, tanh, expm1), each within 1 ulp, so a handful of ulps is what double
 * arithmetic can promise; what the tests exclude is the old behaviour of NaN, ±∞ or 0 where the truth
 * is a finite, non-zero number.
 */
class EdgeNumericsTest {
    private static void close(double truth, double got, String what) {
        assertTrue(Double.isFinite(got), what + " is " + got);
        assertTrue(Math.abs(got - truth) <= 8 * Math.ulp(truth), what + ": " + got + " against " + truth);
    }

    @Test
    void reluPowerAtSubnormalAndHugeInputs() {
        ScalarActivation k1 = Catalogue.scalar("relu-power", Map.of("k", new double[] {1}));
        for (double x : new double[] {Double.MIN_VALUE, 1e-310, Double.MIN_NORMAL}) {
            double[] d = k1.derivatives(x);
            assertEquals(x, d[0]);
            assertEquals(1.0, d[1], "k = 1: f' = 1 at " + x);   // exact: the derivative of x
            assertEquals(0.0, d[2], "k = 1: f'' = 0 at " + x);
        }
        // f' = 2x overflows at 1e308 (truth 2e308 > MAX_VALUE rounds to ∞), f'' = 2 does not
        double[] d2 = Catalogue.scalar("relu-power", Map.of("k", new double[] {2})).derivatives(1e308);
        assertEquals(Double.POSITIVE_INFINITY, d2[1]);
        assertEquals(2.0, d2[2]);
        double[] d3 = Catalogue.scalar("relu-power", Map.of("k", new double[] {3})).derivatives(1e154);
        close(6e154, d3[2], "relu-power k=3 f'' at 1e154");
    }

    @Test
    void softplusWithATinyBeta() {
        // f' = σ(βx) = 0.5 to double precision for |βx| ≤ 1e-198; f'' = β·σ'(βx) = β/4
        ScalarActivation sp = Catalogue.scalar("softplus", Map.of("beta", new double[] {1e-200}));
        for (double x : new double[] {-3, 0.5, 3, 1e100}) {
            double[] d = sp.derivatives(x);
            close(0.5, d[1], "f'(" + x + ")");
            close(2.5e-201, d[2], "f''(" + x + ")");
        }
    }

    @Test
    void geluTanhFarOut() {
        ScalarActivation g = Catalogue.scalar("gelu-tanh");
        for (double x : new double[] {25, 1e100, 1.3e154, 1e308}) {
            double[] d = g.derivatives(x);
            assertEquals(x, d[0]);
            assertEquals(1.0, d[1], "f' at " + x);   // σ(2z) = 1 exactly in double from |x| ≈ 22 on
            assertEquals(0.0, d[2], "f'' at " + x);
            double[] n = g.derivatives(-x);
            assertEquals(0.0, n[1], "f' at " + -x);
            assertEquals(0.0, n[2], "f'' at " + -x);
        }
    }

    @Test
    void tanhDerivativesKeepTheirTails() {
        ScalarActivation t = Catalogue.scalar("tanh");
        close(4.168915162238367e-16, t.derivative(18.4), "tanh'(18.4)");
        close(4.168915162238367e-16, t.derivative(-18.4), "tanh'(-18.4)");
        close(5.53558610694695e-87, t.derivative(100), "tanh'(100)");
        close(1.3230212014553631e-307, t.derivative(354), "tanh'(354)");
        close(-7.005208610157216e-26, t.secondDerivative(30), "tanh''(30)");
        close(7.005208610157216e-26, t.secondDerivative(-30), "tanh''(-30)");
    }

    @Test
    void sigmoidCurvatureNearZero() {
        // σ''(x) = σ'(x)(1 − 2σ(x)) ≈ −x/8: the factor 1 − 2σ cancels completely in the chain rule
        ScalarActivation s = Catalogue.scalar("sigmoid");
        close(-1.25e-21, s.secondDerivative(1e-20), "σ''(1e-20)");
        close(-1.25e-09, s.secondDerivative(1e-8), "σ''(1e-8)");
        close(1.25e-09, s.secondDerivative(-1e-8), "σ''(-1e-8)");
    }

    @Test
    void ieluNextToZeroAndAtTheTop() {
        ScalarActivation f = Catalogue.scalar("ielu");
        double[] d = f.derivatives(-1e-20);
        close(5e-41, d[0], "f(-1e-20) = e^x − 1 − x");
        close(-1e-20, d[1], "f'(-1e-20) = expm1(x)");
        double[] e = f.derivatives(-1e-8);
        close(4.999999983333334e-17, e[0], "f(-1e-8)");
        close(-9.999999950000001e-09, e[1], "f'(-1e-8)");
        double[] g = f.derivatives(-0.001);
        close(4.998333749916681e-07, g[0], "f(-0.001)");
        close(-0.0009995001666250085, g[1], "f'(-0.001)");
        assertEquals(-1e-300, f.derivative(-1e-300));
        assertEquals(1e308, f.derivative(1e308), "f' = x at 1e308 (x²/2 overflows, its derivative does not)");
    }

    @Test
    void polynomialPiecesKeepFiniteSecondDerivatives() {
        // PolyReLU (1, 1, ½, ¼) at 1e200: f'' = 1 + 1.5x is finite although f and f' overflow
        ScalarActivation p = Catalogue.scalar("polyrelu", Map.of("coeffs", new double[] {1, 1, 0.5, 0.25}));
        double[] d = p.derivatives(1e200);
        assertEquals(Double.POSITIVE_INFINITY, d[0]);
        close(1.5e200, d[2], "f''(1e200)");
    }
}
