package org.actlab.approx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.actlab.network.Network;
import org.junit.jupiter.api.Test;

class ExactConversionsTest {
    @Test
    void theorem1KeepsFunctionDepthWidthAndSize() {
        SplittableRandom random = new SplittableRandom(9);
        int[][] shapes = {{1}, {4, 1}, {8, 8, 3}, {5, 9, 2, 1}, {16, 16, 16, 16, 4}};
        for (int[] shape : shapes) {
            int input = 1 + random.nextInt(4);
            Network relu = org.actlab.network.RandomNetworks.of(random, input, shape, false);
            Network poly = ExactConversions.reluToPolyRelu(relu);
            assertEquals(relu.depth(), poly.depth());
            assertEquals(relu.width(), poly.width());
            assertEquals(relu.parameterCount(Network.Count.ALL), poly.parameterCount(Network.Count.ALL));
            for (int t = 0; t < 200; t++) {
                double[] x = new double[input];
                for (int i = 0; i < input; i++) {
                    x[i] = random.nextDouble(-3, 3);
                }
                double[] a = relu.evaluate(x);
                double[] b = poly.evaluate(x);
                for (int i = 0; i < a.length; i++) {
                    // PolyReLU(0, 1) computes 1·max(z,0) + 0: the same double, bit for bit
                    assertEquals(Double.doubleToLongBits(a[i]), Double.doubleToLongBits(b[i]));
                }
            }
        }
    }

    @Test
    void lemma1SpecialCasesAreExact() {
        Network relu = ExactConversions.reluAsPolyRelu();
        Network relu2 = ExactConversions.reluSquaredAsPolyRelu();
        for (double x = -3; x <= 3; x += 0.0123) {
            assertEquals(Math.max(x, 0), relu.evaluate(x), 0.0);
            assertEquals(Math.max(x, 0) * Math.max(x, 0), relu2.evaluate(x), 0.0);
        }
    }

    @Test
    void lemma1PolynomialIsTwoUnits() {
        double[] c = {0.5, -1, 0.25, 2, -0.75, 0.1};
        Network net = ExactConversions.polynomialAsPolyRelu(c);
        assertEquals(2, net.width());
        for (double x = -2; x <= 2; x += 0.0173) {
            double horner = 0;
            double magnitude = 0;
            for (int i = c.length - 1; i >= 0; i--) {
                horner = horner * x + c[i];
                magnitude = magnitude * Math.abs(x) + Math.abs(c[i]);
            }
            // two Horner evaluations of degree 5 plus one sum: within 4r·u·Σ|c_i x^i| (r = 5)
            assertEquals(horner, net.evaluate(x), 20 * Math.ulp(1.0) / 2 * magnitude);
        }
    }
}
