package org.actlab.approx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.actlab.ActlabException;
import org.actlab.network.Network;
import org.actlab.network.RandomNetworks;
import org.junit.jupiter.api.Test;

class PolyReluToReluTest {
    @Test
    void randomPolyReluNetworksOfSeveralShapes() {
        SplittableRandom random = new SplittableRandom(17);
        int[][] shapes = {{3, 1}, {4, 4, 1}, {3, 3, 2}};
        int[] dims = {1, 2, 3};
        for (int s = 0; s < shapes.length; s++) {
            Network poly = RandomNetworks.of(random, dims[s], shapes[s], true);
            for (double eps : new double[] {1e-2, 1e-4}) {
                PolyReluToRelu.Result r = PolyReluToRelu.convert(poly, -1, 1, eps);
                assertTrue(r.network().isReluNetwork());
                assertEquals(poly.inputDim(), r.network().inputDim());
                assertEquals(poly.outputDim(), r.network().outputDim());
                assertTrue(r.errorBound() <= eps, "bound " + r.errorBound() + " > " + eps);
                // the bound is rigorous for the exact networks; float64 evaluation of both adds at
                // most a few ulps of their values (|values| ≲ 10 here)
                assertTrue(r.sampledError() <= r.errorBound() + 1e-13, "sampled " + r.sampledError() + " > bound " + r.errorBound());
            }
        }
    }

    @Test
    void lemma1PolynomialThroughTheorem2IsTight() {
        // 0.5 + x + 0.3x² as two PolyReLU units, then ReLU: every unit is convex, so the error equioscillates
        Network poly = ExactConversions.polynomialAsPolyRelu(new double[] {0.5, 1, 0.3});
        PolyReluToRelu.Result r = PolyReluToRelu.convert(poly, -1, 1, 1e-4);
        assertTrue(r.errorBound() <= 1e-4);
        assertTrue(r.sampledError() >= 0.9 * r.errorBound(), "sampled " + r.sampledError() + ", bound " + r.errorBound());
    }

    @Test
    void badRequests() {
        Network poly = ExactConversions.polynomialAsPolyRelu(new double[] {0, 1, 1});
        assertThrows(ActlabException.class, () -> PolyReluToRelu.convert(poly, 1, 1, 1e-3));
        assertThrows(ActlabException.class, () -> PolyReluToRelu.convert(poly, -1, 1, 0));
    }
}
