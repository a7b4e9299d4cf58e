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
