package org.actlab.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.actlab.approx.ExactConversions;
import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;

/** PolyCom Theorem 1: every ReLU network is a PolyReLU network of the same depth, width and size. */
public final class PolycomTheorem1Claim implements Claim {
    private static final long SEED = 1L;

    @Override
    public String id() {
        return "polycom.theorem1";
    }

    @Override
    public String statement() {
        return "Every ReLU network is exactly a PolyReLU network of the same depth, width and size "
                + "(a_1 = 1, all other a_i = 0 in every unit).";
    }

    @Override
    public String method() {
        return "12 seeded random ReLU networks (input dimension 1-4, 1-4 hidden layers, widths up to 16) converted "
                + "by actlab's Theorem 1 construction; depth, width and parameter count compared, and outputs compared "
                + "bit for bit at 500 seeded points each (PolyReLU(0,1) computes 1·max(z,0) + 0, the same double).";
    }

    @Override
    public java.util.Map<String, Long> seeds() {
        return java.util.Map.of("random ReLU networks and points", SEED);
    }

    @Override
    public Outcome check() {
        long start = System.nanoTime();
        Measurements m = new Measurements();
        SplittableRandom random = new SplittableRandom(SEED);
        long structural = 0;
        long mismatches = 0;
        long points = 0;
        for (int trial = 0; trial < 12; trial++) {
            int input = 1 + random.nextInt(4);
            int hidden = 1 + random.nextInt(4);
            List<Layer> layers = new ArrayList<>();
            int in = input;
            for (int l = 0; l <= hidden; l++) {
                int out = l == hidden ? 1 + random.nextInt(3) : 1 + random.nextInt(16);
                double[][] w = new double[out][in];
                double[] b = new double[out];
                for (int i = 0; i < out; i++) {
                    for (int j = 0; j < in; j++) {
                        w[i][j] = random.nextDouble(-1, 1);
                    }
                    b[i] = random.nextDouble(-1, 1);
                }
                layers.add(new Layer(w, b, l == hidden ? new LayerActivation.Identity() : new LayerActivation.Relu()));
                in = out;
            }
            Network relu = new Network(input, layers);
            Network poly = ExactConversions.reluToPolyRelu(relu);
            if (relu.depth() != poly.depth() || relu.width() != poly.width()
                    || relu.parameterCount(Network.Count.ALL) != poly.parameterCount(Network.Count.ALL)) {
                structural++;
            }
            for (int k = 0; k < 500; k++) {
                double[] x = new double[input];
                for (int j = 0; j < input; j++) {
                    x[j] = random.nextDouble(-3, 3);
                }
                double[] a = relu.evaluate(x);
                double[] c = poly.evaluate(x);
                for (int i = 0; i < a.length; i++) {
                    points++;
                    if (Double.doubleToLongBits(a[i] + 0.0) != Double.doubleToLongBits(c[i] + 0.0)) {
                        mismatches++;
                    }
                }
            }
        }
        m.close("networks whose depth, width or size changed", structural, 0, 0, "exact");
        m.close("outputs that differ (of " + points + ")", mismatches, 0, 0, "bit for bit");
        return Outcome.of(id(), "12 random ReLU networks: same depth, width and size; " + points
                + " outputs identical bit for bit", m.all(), (System.nanoTime() - start) / 1e9);
    }
}
