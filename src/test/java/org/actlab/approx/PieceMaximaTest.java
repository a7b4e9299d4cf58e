package org.actlab.approx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.actlab.polynomial.Polynomial;
import org.actlab.polynomial.Target;
import org.junit.jupiter.api.Test;

/**
 * The per-piece maximum of |target − network| where the critical point of the error is a multiple
 * root (a flat piece against x⁶: e′ = 6x⁵), and the robust root finder behind it. The expected values
 * are exact: the suprema of x^k on an interval (at an end) and of polynomials with known extrema.
 */
class PieceMaximaTest {
    private static final LayerActivation RELU = new LayerActivation.Relu();
    private static final LayerActivation ID = new LayerActivation.Identity();

    /** The zero function as a one-input network (one hidden unit, output weight 0). */
    private static Network zero() {
        return new Network(1, List.of(new Layer(new double[][] {{1}}, new double[] {0}, RELU),
                new Layer(new double[][] {{0}}, new double[] {0}, ID)));
    }

    @Test
    void theZeroNetworkAgainstPowersHasItsMaximumAtAnEnd() {
        // sup |x^k − 0| on [a, b] is max(|a|^k, |b|^k), attained at that end: exact numbers, exact certificate
        Object[][] cases = {{6, -1.0, 1.0, 1.0}, {3, -1.0, 1.0, 1.0}, {6, -2.0, 1.0, 64.0}, {5, -1.0, 1.0, 1.0},
            {7, -1.0, 0.5, 1.0}, {4, -1.3, 0.2, Math.pow(1.3, 4)}};
        for (Object[] c : cases) {
            int k = (int) c[0];
            double a = (double) c[1];
            double b = (double) c[2];
            Certificate cert = Certifier.standard().certify(zero(), Target.power(k), a, b);
            double truth = (double) c[3];
            // the certificate is the exact value |a|^k (of the double a) rounded up; Math.pow is within an ulp of it
            assertTrue(Math.abs(cert.certifiedError() - truth) <= 2 * Math.ulp(truth),
                    "x^" + k + " on [" + a + ", " + b + "]: " + cert.certifiedError());
            assertEquals(Math.abs(a) >= Math.abs(b) ? a : b, cert.argmax(), 0.0, "argmax where the error is");
            assertTrue(cert.exact(), "exact: the maximum is an end value of a monotone piece");
        }
    }

    @Test
    void aTwoUnitNetworkAgainstX6() {
        // N = relu(x) (the second unit has output weight 0): flat on x ≤ 0, where e = x⁶, and x beyond
        Network net = new Network(1, List.of(new Layer(new double[][] {{1}, {-1}}, new double[] {0, 0}, RELU),
                new Layer(new double[][] {{1, 0}}, new double[] {0}, ID)));
        Certificate cert = Certifier.standard().certify(net, Target.power(6), -1.3, 0.2);
        // on [−1.3, 0]: e = x⁶, maximal at −1.3 (4.826809); on (0, 0.2]: |x⁶ − x| ≤ 0.2
        double truth = Math.pow(1.3, 6);
        assertTrue(Math.abs(cert.certifiedError() - truth) <= 4 * Math.ulp(truth), "sup " + cert.certifiedError());
        assertEquals(-1.3, cert.argmax(), 0.0);
    }

    @Test
    void approximationsOfHighPowersBuildAndCertify() {
        // these ended in Laguerre's 'maximal count exceeded' before (a 5-fold root of e′ on flat pieces)
        for (Object[] c : new Object[][] {{6, -1.0, 1.0, Approximations.Method.DEEP}, {7, -1.0, 0.5, Approximations.Method.TEXTBOOK}}) {
            Approximation ap = Approximations.build(Target.power((int) c[0]), (double) c[1], (double) c[2], 1e-3,
                    (Approximations.Method) c[3]);
            assertTrue(ap.certificate().certifiedError() <= 1e-3, "certified within ε");
            assertTrue(ap.certificate().sampledError() <= ap.certificate().certifiedError(), "sampled below the certificate");
        }
    }

    @Test
    void rootsOfMultipleAndSimpleFactors() {
        // 6x⁵: one root, 0 (five-fold); (x − ½)²(x + ¼) = x³ − ¾x² + 0·x + 1/16: roots ½ (double, no sign change) and −¼
        assertArrayEquals(new double[] {0.0}, Polynomial.rootsInside(new double[] {0, 0, 0, 0, 0, 6}, -1, 1), 0.0);
        double[] r = Polynomial.rootsInside(new double[] {1.0 / 16, 0, -0.75, 1}, -1, 1);
        assertEquals(-0.25, r[0], 1e-15);
        // (x − 0.1)(x − 0.2)(x − 0.3)(x − 0.4): four simple roots, each to double accuracy (the roots are
        // well conditioned: |q′| ≥ 6e-3 there against coefficients of size ≤ 1)
        double[] q = {0.0024, -0.05, 0.35, -1, 1};
        double[] four = Polynomial.rootsInside(q, 0, 1);
        assertEquals(4, four.length);
        for (int i = 0; i < 4; i++) {
            assertEquals(0.1 * (i + 1), four[i], 1e-13);
        }
        // degree 40 (what PolyReLU order 40 brings): x^40 − 1 has the roots ±1 only
        double[] p40 = new double[41];
        p40[0] = -1;
        p40[40] = 1;
        double[] pm = Polynomial.rootsInside(p40, -2, 2);
        assertArrayEquals(new double[] {-1, 1}, pm, 1e-15);
    }

    @Test
    void pruningGivesTheSameSupremumAsWorkingEveryPiece() {
        // a piece is left out only when a rigorous double bound on its error is strictly below the best bound so far,
        // so the supremum, where it is attained, whether it is exact and the one-ulp count must not move
        Object[][] cases = {
            {Target.polyRelu(new double[] {0, 1, 0.5, 0.25}), -1.0, 1.0, 1e-8, Approximations.Method.DEEP},
            {Target.polyRelu(new double[] {0.3, -1, 2, 0.5}), -2.0, 3.0, 1e-6, Approximations.Method.DEEP},
            {Target.power(3), -1.0, 2.0, 1e-6, Approximations.Method.DEEP},
            {Target.power(4), -2.0, 1.0, 1e-5, Approximations.Method.TEXTBOOK},
            {Target.square(), 0.0, 1.0, 1e-8, Approximations.Method.DEEP},
        };
        long prunedSomewhere = 0;
        for (Object[] c : cases) {
            Target t = (Target) c[0];
            double a = (double) c[1];
            double b = (double) c[2];
            Network net = Approximations.build(t, a, b, (double) c[3], (Approximations.Method) c[4]).network();
            ExactEvaluator ev = new ExactEvaluator(net);
            Grid grid = new LayerPassSweep(false).sweep(net, ev, t, new org.actlab.polynomial.Interval(a, b)).grid();
            PieceMaxima pruned = new PieceMaxima(net, t, grid, true);
            PieceMaxima every = new PieceMaxima(net, t, grid, false);
            String what = t.name() + " on [" + a + ", " + b + "]";
            assertEquals(every.best, pruned.best, 0.0, what);
            assertEquals(every.argmax, pruned.argmax, 0.0, what);
            assertEquals(every.bestExact, pruned.bestExact, what);
            assertEquals(every.microCount, pruned.microCount, what);
            assertEquals(0, every.pruned);
            prunedSomewhere += pruned.pruned;
        }
        assertTrue(prunedSomewhere > 0, "the bound left no piece out");
    }
}
