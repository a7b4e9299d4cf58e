package org.actlab.sobolev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.actlab.ActlabException;
import org.actlab.approx.Sweep;
import org.actlab.network.Network;
import org.actlab.sobolev.LocalTaylorNetwork.Built;
import org.actlab.sobolev.LocalTaylorNetwork.Kind;
import org.actlab.symbolic.SymbolicEngine;
import org.junit.jupiter.api.Test;

class SobolevTest {
    /** max |f − net| on a seeded random sample of the cube, evaluated by the plain dense network. */
    private static double sampled(SobolevFunction f, Network net, int samples) {
        SplittableRandom r = new SplittableRandom(3);
        double worst = 0;
        for (int i = 0; i < samples; i++) {
            double[] x = new double[f.d];
            for (int k = 0; k < f.d; k++) {
                x[k] = r.nextDouble();
            }
            worst = Math.max(worst, Math.abs(f.value(x) - net.evaluate(x)[0]));
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
                    double top = Norms.topDerivative(f, n);
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
        Built b = LocalTaylorNetwork.build(Kind.RELU, LocalTaylorNetwork.Layout.TERMS, f, Norms.topDerivative(f, 2), 5, 3);
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
    }

    @Test
    void normsAreComputedAndBadFunctionsRefused() {
        // relu-power is scaled to norm 0.9 by its computed norm; the n-th weak derivative is the step 0.9·1[x > c]
        SobolevFunction f = SobolevFunction.builtIn("relu-power", 1, 3);
        assertEquals(0.9, Norms.checkedNorm(f, 3), 1e-12);
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
