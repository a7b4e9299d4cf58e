package org.actlab.approx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.network.LayerActivation;
import org.actlab.polynomial.Target;
import org.junit.jupiter.api.Test;

/**
 * PolyReLU is evaluated in three places: the catalogue (activation), a network layer (network) and
 * the approximation target (approx). All three run Horner's rule on max(x, 0) with the same
 * operations in the same order, so they must agree bit for bit.
 */
class FormulaConsistencyTest {
    @Test
    void polyReluAgreesBitForBitAcrossPackages() {
        SplittableRandom random = new SplittableRandom(31);
        for (int trial = 0; trial < 20; trial++) {
            double[] c = new double[2 + random.nextInt(6)];
            for (int i = 0; i < c.length; i++) {
                c[i] = random.nextDouble(-2, 2);
            }
            ScalarActivation catalogue = Catalogue.scalar("polyrelu", Map.of("coeffs", c));
            LayerActivation layer = LayerActivation.PolyRelu.shared(c);
            Target target = Target.polyRelu(c);
            for (int k = 0; k <= 2000; k++) {
                double x = -3 + 6.0 * k / 2000 + 1e-4 / Math.PI;
                long expected = Double.doubleToLongBits(catalogue.value(x));
                assertEquals(expected, Double.doubleToLongBits(layer.apply(0, x)), "layer at " + x);
                assertEquals(expected, Double.doubleToLongBits(target.value(x)), "target at " + x);
            }
        }
    }
}
