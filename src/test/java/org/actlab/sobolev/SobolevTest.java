package org.actlab.sobolev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.actlab.ActlabException;
import org.actlab.approx.Sweep;
import org.actlab.network.Network;
import org.actlab.network.SparseNetwork;
import org.actlab.sobolev.LocalTaylorNetwork.Built;
import org.actlab.sobolev.LocalTaylorNetwork.Kind;
import org.actlab.symbolic.SymbolicEngine;
import org.junit.jupiter.api.Test;

class SobolevTest {
    /** max |f − net| on a seeded random sample of the cube, evaluated by the plain dense network. */
    private static double sampled(SobolevFunction f, Network net, int samples) {
        // evaluated as the sparse network it is: the same doubles in the same order as the dense
        // evaluation (sparseEvaluationIsTheNetworkBitForBit), without the multiplications by zero
        SparseNetwork sparse = new SparseNetwork(net);
        SplittableRandom r = new SplittableRandom(3);
        double worst = 0;
        for (int i = 0; i < samples; i++) {
            double[] x = new double[f.d];
            for (int k = 0; k < f.d; k++) {
                x[k] = r.nextDouble();
            }
            worst = Math.max(worst, Math.abs(f.value(x) - sparse.evaluate(x)));
        }
        return worst;
    }

    @Test
    void bothNetworksStayWithinTheConstructionsBound() {
        // the bound is rigorous (Taylor remainder + propagated gadget errors); float64 evaluation adds
        // rounding of order 1e-15 relative to values ≤ 1, far below the bounds here (≥ 1e-4)
        for (int d = 1; d <= 2; d++) {
            for (int n = 1; n <= 3; n++) {
                for (String name : new String[] {"relu-power", "sine"}) {
                    SobolevFunction f = SobolevFunction.builtIn(name, d, n);
                    double top = Norms.measure(f, n, false).top();
                    int cells = d == 1 ? 12 : 6;
                    Built p = LocalTaylorNetwork.build(Kind.POLYRELU, LocalTaylorNetwork.Layout.TERMS, f, top, cells, 0);
                    Built r = LocalTaylorNetwork.build(Kind.RELU, LocalTaylorNetwork.Layout.TERMS, f, top, cells, 4);
                    assertTrue(sampled(f, p.network(), 4000) <= p.bound() + 1e-12, name + " d=" + d + " n=" + n);
                    assertTrue(sampled(f, r.network(), 4000) <= r.bound() + 1e-12, name + " d=" + d + " n=" + n);
                    assertTrue(r.network().isReluNetwork());
                    assertEquals(0, p.levels());
                }
            }
        }
    }

    @Test
    void sparseEvaluationIsTheNetworkBitForBit() {
        SobolevFunction f = SobolevFunction.builtIn("gauss", 2, 2);
        Built b = LocalTaylorNetwork.build(Kind.RELU, LocalTaylorNetwork.Layout.TERMS, f, Norms.measure(f, 2, false).top(), 5, 3);
        SparseNetwork s = new SparseNetwork(b.network());
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 500; i++) {
            double[] x = {r.nextDouble(), r.nextDouble()};
            assertEquals(b.network().evaluate(x)[0], s.evaluate(x), 0.0);
        }
    }

    /**
     * A rigorous bound on |fl(net(x)) − net(x)| for the evaluation order of {@link SparseNetwork} (running error
     * analysis, unit by unit): a pre-activation of k terms (bias included) is within γ_{k+1}·(|b| + Σ|w·h|) of the
     * exact sum of the rounded inputs, and Σ|w|·e_j of the exact one; ReLU and the identity are 1-Lipschitz;
     * Σ a_p max(z, 0)^p moves by at most Σ p|a_p|(r + E)^(p−1)·E and its Horner evaluation rounds by at most
     * γ_{2P}·Σ|a_p| r^p. Each layer's nonzero weights are listed once (the dense layers are mostly zeros).
     */
    private static final class RoundingBound {
        private final Network net;
        private final int[][][] cols;
        private final double[][][] weights;

        RoundingBound(Network net) {
            this.net = net;
            cols = new int[net.depth()][][];
            weights = new double[net.depth()][][];
            for (int l = 0; l < net.depth(); l++) {
                double[][] w = net.layers().get(l).weights();
                cols[l] = new int[w.length][];
                weights[l] = new double[w.length][];
                for (int i = 0; i < w.length; i++) {
                    int n = 0;
                    for (double v : w[i]) {
                        n += v != 0 ? 1 : 0;
                    }
                    cols[l][i] = new int[n];
                    weights[l][i] = new double[n];
                    for (int j = 0, q = 0; j < w[i].length; j++) {
                        if (w[i][j] != 0) {
                            cols[l][i][q] = j;
                            weights[l][i][q++] = w[i][j];
                        }
                    }
                }
            }
        }

        double at(double[] x) {
            double u = Math.ulp(1.0) / 2;
            double[] h = x.clone();
            double[] e = new double[x.length];
            for (int l = 0; l < net.depth(); l++) {
                org.actlab.network.Layer layer = net.layers().get(l);
                double[] nh = new double[layer.outputs()];
                double[] ne = new double[layer.outputs()];
                for (int i = 0; i < nh.length; i++) {
                    double z = layer.bias()[i];
                    double size = Math.abs(z);
                    double propagated = 0;
                    int k = 1;
                    for (int q = 0; q < cols[l][i].length; q++) {
                        int j = cols[l][i][q];
                        double w = weights[l][i][q];
                        propagated += Math.abs(w) * e[j];
                        if (h[j] != 0) {
                            z += w * h[j];
                            size += Math.abs(w * h[j]);
                            k++;
                        }
                    }
                    double err = (k + 1) * u / (1 - (k + 1) * u) * size + propagated;
                    nh[i] = layer.activation().apply(i, z);
                    if (layer.activation() instanceof org.actlab.network.LayerActivation.PolyRelu poly) {
                        double[] a = poly.of(i);
                        double r = Math.max(z, 0);
                        double slope = 0;
                        double magnitude = 0;
                        for (int p = 0; p < a.length; p++) {
                            magnitude += Math.abs(a[p]) * Math.pow(r, p);
                            slope += p == 0 ? 0 : p * Math.abs(a[p]) * Math.pow(r + err, p - 1);
                        }
                        int ops = 2 * a.length;
                        ne[i] = slope * err + ops * u / (1 - ops * u) * magnitude;
                    } else {
                        ne[i] = err;
                    }
                }
                h = nh;
                e = ne;
            }
            return e[0] * (1 + 1e-9);   // the bound's own rounding, relative 1e-13 at most
        }
    }

    @Test
    void liveCellsGiveTheNetworkUpToItsRounding() {
        // Yarotsky's chains are exactly zero away from their grid point (exact arithmetic), so the cone of the cells
        // alive at x computes the network's exact value with fewer roundings: the two evaluations differ by at most
        // the rounding of each, and the cone's (same hidden units bit for bit, fewer output terms) is at most the
        // whole network's. Leaving out a live cell instead moves the value by a whole chain (≥ 1e-6 here).
        SplittableRandom r = new SplittableRandom(5);
        for (Kind kind : Kind.values()) {
            for (int n = 2; n <= 3; n++) {
                SobolevFunction f = SobolevFunction.builtIn("sine", 2, n);
                int cells = 8;
                Built b = LocalTaylorNetwork.build(kind, LocalTaylorNetwork.Layout.TERMS, f, Norms.measure(f, n, false).top(), cells,
                        kind == Kind.RELU ? 4 : 0);
                LocalTaylorNetwork.Locality loc = b.locality();
                assertTrue(loc != null && loc.always().length == 0, kind + " n=" + n + ": every grid point owns its columns");
                SparseNetwork s = new SparseNetwork(b.network());
                RoundingBound rounding = new RoundingBound(b.network());
                long hidden = 0;
                for (int l = 0; l + 1 < b.network().depth(); l++) {
                    hidden += b.network().layers().get(l).outputs();
                }
                double furthest = 0;
                for (int i = 0; i < 400; i++) {
                    // random points, and every tenth on a grid line (a hat's edge: the margin reads one more cell)
                    double[] x = {r.nextDouble(), i % 10 == 0 ? r.nextInt(cells + 1) / (double) cells : r.nextDouble()};
                    SparseNetwork.Cone cone = s.cone(loc.columns(loc.region(x)));
                    assertTrue(cone.size() <= hidden / 4, cone.size() + " of " + hidden + " units");
                    double full = s.evaluate(x);
                    double local = cone.evaluate(x);
                    double bound = 2 * rounding.at(x);
                    assertTrue(Math.abs(full - local) <= bound, kind + " n=" + n + " at " + java.util.Arrays.toString(x) + ": "
                            + full + " vs " + local + ", rounding bound " + bound);
                    furthest = Math.max(furthest, Math.abs(full - s.cone(loc.always()).evaluate(x)));
                }
                assertTrue(furthest >= 1e-6, kind + " n=" + n + ": dropping the live cells moved the value by only " + furthest);
            }
        }
        // d = 1: ReLU's product chains (degree ≥ 1) are local, the hats are shared and always read; PolyReLU has no
        // products in d = 1, so nothing is left out
        SobolevFunction f = SobolevFunction.builtIn("sine", 1, 3);
        double top = Norms.measure(f, 3, false).top();
        assertEquals(null, LocalTaylorNetwork.build(Kind.POLYRELU, LocalTaylorNetwork.Layout.TERMS, f, top, 20, 0).locality());
        Built b = LocalTaylorNetwork.build(Kind.RELU, LocalTaylorNetwork.Layout.TERMS, f, top, 20, 5);
        LocalTaylorNetwork.Locality loc = b.locality();
        assertTrue(loc != null && loc.always().length > 0);
        SparseNetwork s = new SparseNetwork(b.network());
        RoundingBound rounding = new RoundingBound(b.network());
        for (int i = 0; i < 400; i++) {
            double[] x = {i % 10 == 0 ? r.nextInt(21) / 20.0 : r.nextDouble()};
            double full = s.evaluate(x);
            double local = s.cone(loc.columns(loc.region(x))).evaluate(x);
            assertTrue(Math.abs(full - local) <= 2 * rounding.at(x), full + " vs " + local + " at " + x[0]);
        }
    }

    @Test
    void oneDimensionalRatesMatchTheorem3AndReluNeedsMore() {
        // d = 1, n = 2 over three decades of ε: the PolyReLU slope must be −n/d = −2 within 10 %, and the
        // ReLU/PolyReLU ratio must exceed 1 and grow with ln(1/ε) (sawtooth levels per product)
        SobolevFunction f = SobolevFunction.builtIn("relu-power", 1, 2);
        RateExperiment.Result r = RateExperiment.run(f, Sweep.decades(1e-4, 1e-6, 1), s -> { });
        RateExperiment.Fit fit = r.fits().get(Kind.POLYRELU);
        assertTrue(fit.errorDecades() >= 1.9, "decades " + fit.errorDecades());
        assertEquals(-2, fit.slope(), 0.2, "slope " + fit.slope());
        double first = r.ratios()[0];
        double second = r.ratios()[1];
        assertTrue(first > 1 && second > first, first + " then " + second);
        for (RateExperiment.Point p : r.points()) {
            assertTrue(p.sampledError() <= p.bound(), p.toString());
        }
    }

    @Test
    void oneDimensionalReluNetworksAreCertifiedExactly() {
        // for a polynomial target the certificate is the exact supremum over [0, 1]: at least every
        // sample (which are exact points of the same function, up to float64 evaluation ~1e-16) and at
        // most the construction's rigorous bound
        SobolevFunction f = SobolevFunction.builtIn("ridge", 1, 2);
        java.util.List<Network> saved = new java.util.ArrayList<>();
        RateExperiment.Result r = RateExperiment.run(f, LocalTaylorNetwork.Layout.TERMS, new double[] {1e-3},
                new RateExperiment.Options(true, (p, net) -> saved.add(net)), s -> { });
        RateExperiment.Point relu = r.points().stream().filter(p -> p.kind() == Kind.RELU).findFirst().orElseThrow();
        assertTrue(relu.certified() >= relu.sampledError() - 1e-15, relu.toString());
        assertTrue(relu.certified() <= relu.bound(), relu.toString());
        assertEquals(2, saved.size());
        assertEquals(relu.parameters(), saved.get(1).parameterCount(Network.Count.NONZERO));
        // PolyReLU (one hidden layer, piecewise polynomial) against relu-power's two exact pieces: the
        // certificate is the exact supremum, so it bounds the samples and they come within 1 % of it
        // (8001 samples, ≥ 15 per cell, near a quadratic maximum: relative shortfall ≲ (1/15)²)
        SobolevFunction kink = SobolevFunction.builtIn("relu-power", 1, 2);
        RateExperiment.Result k = RateExperiment.run(kink, LocalTaylorNetwork.Layout.TERMS, new double[] {1e-3},
                new RateExperiment.Options(true, null), s -> { });
        RateExperiment.Point poly = k.points().get(0);
        assertEquals(Kind.POLYRELU, poly.kind());
        assertTrue(poly.certified() >= poly.sampledError() - 1e-15 && poly.certified() <= poly.bound(), poly.toString());
        assertTrue(poly.sampledError() >= 0.99 * poly.certified(), poly.toString());
    }

    @Test
    void exactCertificateOfAHandBuiltNetwork() {
        // relu(x − 1/2) against the target 0 on [0, 1]: the supremum is exactly 1/2, at x = 1
        Network net = new Network(1, java.util.List.of(
                new org.actlab.network.Layer(new double[][] {{1}}, new double[] {-0.5}, new org.actlab.network.LayerActivation.Relu()),
                new org.actlab.network.Layer(new double[][] {{1}}, new double[] {0}, new org.actlab.network.LayerActivation.Identity())));
        org.hipparchus.fraction.BigFraction[] zero = {org.hipparchus.fraction.BigFraction.ZERO};
        assertEquals(0.5, ExactCertifier1D.certify(net, java.util.List.of(
                new ExactCertifier1D.Piece(org.hipparchus.fraction.BigFraction.ZERO, zero))), 0.0);
        // and against x²: max |x² − relu(x − 1/2)| on [0, 1] is at x = 1/2 (1/4) or x = 1 (1/2): 1/2
        org.hipparchus.fraction.BigFraction[] square = {org.hipparchus.fraction.BigFraction.ZERO,
            org.hipparchus.fraction.BigFraction.ZERO, org.hipparchus.fraction.BigFraction.ONE};
        assertEquals(0.5, ExactCertifier1D.certify(net, java.util.List.of(
                new ExactCertifier1D.Piece(org.hipparchus.fraction.BigFraction.ZERO, square))), 0.0);
    }

    @Test
    void normsAreComputedAndBadFunctionsRefused() {
        // relu-power is scaled to norm 0.9 by its computed norm; the n-th weak derivative is the step 0.9·1[x > c]
        SobolevFunction f = SobolevFunction.builtIn("relu-power", 1, 3);
        assertEquals(0.9, Norms.measure(f, 3, true).norm(), 1e-12);
        SymbolicEngine engine = SymbolicEngine.standard();
        ActlabException big = assertThrows(ActlabException.class,
                () -> RateExperiment.run(SobolevFunction.expression("3*x^2", 1, 2, engine), new double[] {1e-2}, s -> { }));
        assertTrue(big.getMessage().contains("outside the unit ball"), big.getMessage());
        // max(x − 1/2, 0)/2 has a first derivative that jumps: not in W^{2,∞}
        ActlabException kink = assertThrows(ActlabException.class, () -> RateExperiment.run(
                SobolevFunction.expression("max(x - 1/2, 0)/2", 1, 2, engine), new double[] {1e-2}, s -> { }));
        assertTrue(kink.getMessage().contains("not 2 times"), kink.getMessage());
    }
}
