package org.actlab.approx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.actlab.polynomial.Target;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class CertifierTest {
    private static final LayerActivation RELU = new LayerActivation.Relu();
    private static final LayerActivation ID = new LayerActivation.Identity();

    @Test
    void largestSamplesAreTheFirstOfAStableSort() {
        // the exact re-evaluation takes the k largest float64 errors; the selection must be the first k of a stable
        // descending sort (ties by lower index), values drawn from 40 levels so that ties cross the k-th place
        SplittableRandom r = new SplittableRandom(8);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + r.nextInt(300);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(40) / 8.0;
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (p, q) -> Double.compare(v[q], v[p]));
            int k = Math.min(SampledError.EXACT_SAMPLES, n);
            int[] expected = java.util.Arrays.stream(order, 0, k).mapToInt(Integer::intValue).sorted().toArray();
            int[] got = SampledError.largest(v, k).clone();
            java.util.Arrays.sort(got);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, got, "n=" + n);
        }
    }

    @Test
    void absoluteValueAgainstTheSquare() {
        // |x| = σ(x) + σ(−x); sup |x² − |x|| on [−1, 1] is 1/4 at |x| = 1/2, exactly
        Network abs = new Network(1, List.of(new Layer(new double[][] {{1}, {-1}}, new double[] {0, 0}, RELU),
                new Layer(new double[][] {{1, 1}}, new double[] {0}, ID)));
        Certificate c = Certifier.standard().certify(abs, Target.square(), -1, 1);
        assertEquals(0.25, c.certifiedError(), 0.0);
        assertTrue(c.exact());
        assertEquals(2, c.pieces());
        assertEquals(0.5, Math.abs(c.argmax()), 0.0);
    }

    @Test
    void sawtoothSquareErrorIsExactForEveryLevel() {
        for (int m = 1; m <= 20; m++) {
            Certificate c = Certifier.standard().certify(SawtoothSquare.network(m, false), Target.square(), 0, 1);
            assertEquals(Math.scalb(1.0, -2 * m - 2), c.certifiedError(), 0.0, "m=" + m);
            assertTrue(c.exact(), "m=" + m);
            assertEquals(1L << m, c.pieces(), "m=" + m);
            assertTrue(c.sampledError() <= c.certifiedError(), "m=" + m);
            // the samples are not on the dyadic grid, so they see nearly the full error: the grid
            // spacing is about 1e-5, the error is quadratic around each midpoint
            assertTrue(c.sampledError() >= c.certifiedError() * (1 - 1e-3), "m=" + m + " sampled " + c.sampledError());
        }
    }

    @Test
    void parallelChunksGiveTheSequentialCertificate() {
        // once the grid passes 2^14 points the remaining layers run on chunks; the grid, and so every
        // number of the certificate, must be the same as one thread gives (exact arithmetic: no tolerance)
        double[] coeffs = {1, 1, 0.5, 0.25};
        Object[][] cases = {
            {SawtoothSquare.network(16, false), Target.square(), 0.0, 1.0},
            {Approximations.build(Target.polyRelu(coeffs), -1, 1, 1e-8, Approximations.Method.DEEP).network(),
                Target.polyRelu(coeffs), -1.0, 1.0},
        };
        for (Object[] k : cases) {
            Network net = (Network) k[0];
            Certificate par = Certifier.standard().withSamples(1001).certify(net, (Target) k[1], (double) k[2], (double) k[3]);
            Certificate seq = Certifier.standard().withSamples(1001).sequential().certify(net, (Target) k[1], (double) k[2], (double) k[3]);
            assertTrue(seq.pieces() > 1 << 14, "pieces " + seq.pieces());
            assertEquals(seq.pieces(), par.pieces());
            assertEquals(seq.microIntervals(), par.microIntervals());
            assertEquals(seq.certifiedError(), par.certifiedError(), 0.0);
            assertEquals(seq.argmax(), par.argmax(), 0.0);
            assertEquals(seq.float64Bound(), par.float64Bound(), 0.0);
        }
    }

    @Test
    void randomNetworksAreCertifiedAboveDenseExactSamples() {
        // networks with arbitrary double weights: kinks at non-double points (micro-intervals) and
        // rational arithmetic throughout; the certificate must bound every exact sample and be tight
        SplittableRandom random = new SplittableRandom(21);
        for (int trial = 0; trial < 6; trial++) {
            Network net = org.actlab.network.RandomNetworks.of(random, 1, new int[] {6, 5, 1}, false);
            Target t = trial % 2 == 0 ? Target.square() : Target.power(3);
            Certificate c = Certifier.standard().withSamples(2001).certify(net, t, -1.5, 1.25);
            double denseMax = 0;
            for (int i = 0; i <= 4000; i++) {
                double x = -1.5 + 2.75 * i / 4000;
                BigFraction y = exactNet(net, x);
                BigFraction tx = polyExact(t.pieceAt(x), x);
                denseMax = Math.max(denseMax, tx.subtract(y).abs().doubleValue());
            }
            assertTrue(c.certifiedError() >= denseMax, "trial " + trial);
            // dense samples 7e-4 apart come within (spacing)²·max|e''|/8 ≲ 1e-5 of the sup
            assertTrue(c.certifiedError() <= denseMax + 1e-5, "trial " + trial + ": " + c.certifiedError() + " vs " + denseMax);
        }
    }

    private static BigFraction polyExact(double[] c, double x) {
        BigFraction acc = BigFraction.ZERO;
        for (int i = c.length - 1; i >= 0; i--) {
            acc = acc.multiply(new BigFraction(x)).add(new BigFraction(c[i]));
        }
        return acc;
    }

    private static BigFraction exactNet(Network net, double x) {
        BigFraction[] h = {new BigFraction(x)};
        for (Layer l : net.layers()) {
            BigFraction[] z = new BigFraction[l.outputs()];
            for (int i = 0; i < z.length; i++) {
                BigFraction acc = new BigFraction(l.bias()[i]);
                for (int j = 0; j < h.length; j++) {
                    acc = acc.add(h[j].multiply(new BigFraction(l.weights()[i][j])));
                }
                z[i] = l.activation() instanceof LayerActivation.Relu && acc.signum() < 0 ? BigFraction.ZERO : acc;
            }
            h = z;
        }
        return h[0];
    }

    @Test
    void float64EvaluationStaysBelowTheFloat64Bound() {
        // float64 evaluation of an equioscillating approximant exceeds the exact supremum by rounding
        // (1e-16); the float64 bound covers it: every float64 sample of T − net, on a dense non-dyadic grid
        // (and at the certified argmax), must lie below it. The forward bound multiplies each layer's rounding
        // by Σ|w| of the following layers (6 per sawtooth level), so it is pessimistic, yet for these
        // networks (values ≤ 2, ≤ 20 layers) it stays within 1e-5 relative of the exact certificate
        List<Object[]> cases = List.of(
                new Object[] {SawtoothSquare.network(10, true), Target.square(), 0.0, 1.0},
                new Object[] {Approximations.build(Target.polyRelu(new double[] {1, 1, 0.5, 0.25}), -1, 1, 1e-6,
                        Approximations.Method.DEEP).network(), Target.polyRelu(new double[] {1, 1, 0.5, 0.25}), -1.0, 1.0},
                new Object[] {Approximations.build(Target.polyRelu(new double[] {1, 1, 0.5, 0.25}), -1, 1, 1e-4,
                        Approximations.Method.SHALLOW).network(), Target.polyRelu(new double[] {1, 1, 0.5, 0.25}), -1.0, 1.0});
        for (Object[] k : cases) {
            Network net = (Network) k[0];
            Target t = (Target) k[1];
            double a = (double) k[2];
            double b = (double) k[3];
            Certificate c = Certifier.standard().withSamples(1001).certify(net, t, a, b);
            assertTrue(c.float64Bound() >= c.certifiedError());
            assertTrue(c.float64Bound() <= c.certifiedError() * (1 + 1e-5), c.float64Bound() + " vs " + c.certifiedError());
            int n = 400_001;
            for (int i = 0; i <= n; i++) {
                double x = i == n ? c.argmax() : a + (b - a) * i / n + (b - a) * 1e-3 / Math.PI / n;
                double e = Math.abs(t.value(x) - net.evaluate(x));
                assertTrue(e <= c.float64Bound(), "x = " + x + ": " + e + " > " + c.float64Bound());
            }
        }
    }

    @Test
    void kinkAtANonDoubleIsBracketed() {
        // σ(3x − 1) kinks at 1/3, which no double represents
        Network net = new Network(1, List.of(new Layer(new double[][] {{3}}, new double[] {-1}, RELU),
                new Layer(new double[][] {{1}}, new double[] {0}, ID)));
        Certificate c = Certifier.standard().certify(net, Target.polyRelu(new double[] {0, 0}), 0, 1);
        // target 0: the sup of |net| is 2 at x = 1
        assertEquals(2.0, c.certifiedError(), 0.0);
        assertEquals(1, c.microIntervals());
    }

    @Test
    void twoKinksWithinOneUlpKeepExactValues() {
        // σ(3x − 1) + σ(3x − (1 + 2^−52)): kinks at 1/3 and (1 + 2^−52)/3, neither a double, a few
        // ulps apart; at x = 1 the exact value is 4 − 2^−52
        double b2 = -Math.nextUp(1.0);
        Network net = new Network(1, List.of(new Layer(new double[][] {{3}, {3}}, new double[] {-1, b2}, RELU),
                new Layer(new double[][] {{1, 1}}, new double[] {0}, ID)));
        Certificate c = Certifier.standard().certify(net, Target.polyRelu(new double[] {0, 0}), 0, 1);
        assertEquals(new BigFraction(4).subtract(new BigFraction(Math.ulp(1.0))).doubleValue(), c.certifiedError(), 0.0);
        assertTrue(c.microIntervals() >= 1);
        assertTrue(c.sampledError() <= c.certifiedError());
    }

    @Test
    void shallowSquareIsEquioscillatingAndWithinEpsilon() {
        for (double[] ab : new double[][] {{0, 1}, {-1, 3}, {-2.5, -0.3}}) {
            double eps = 1e-5;
            int n = ShallowSquare.piecesFor(eps, ab[0], ab[1]);
            Network net = ShallowSquare.network(n, ab[0], ab[1]);
            Certificate c = Certifier.standard().certify(net, Target.square(), ab[0], ab[1]);
            assertTrue(c.certifiedError() <= eps, "certified " + c.certifiedError());
            // the knots and weights are the doubles nearest the ideal ones: the error is h²/8 up to
            // their rounding, a relative 1e-9 here
            assertEquals(ShallowSquare.error(n, ab[0], ab[1]), c.certifiedError(), 1e-9 * c.certifiedError());
            assertEquals(3L * n + 1, net.parameterCount(Network.Count.ALL));
        }
    }
}
