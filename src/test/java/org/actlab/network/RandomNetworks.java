package org.actlab.network;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random networks for tests. */
public final class RandomNetworks {
    private RandomNetworks() {
    }

    /**
     * A network with weights uniform in [−1, 1], biases in [−0.5, 0.5], hidden layers ReLU (or
     * PolyReLU (0.1, 1, 0.5)) and an identity output layer.
     */
    public static Network of(SplittableRandom random, int input, int[] widths, boolean polyrelu) {
        List<Layer> layers = new ArrayList<>();
        int in = input;
        for (int l = 0; l < widths.length; l++) {
            double[][] w = new double[widths[l]][in];
            double[] b = new double[widths[l]];
            for (int i = 0; i < widths[l]; i++) {
                for (int j = 0; j < in; j++) {
                    w[i][j] = random.nextDouble(-1, 1);
                }
                b[i] = random.nextDouble(-0.5, 0.5);
            }
            LayerActivation a = l == widths.length - 1 ? new LayerActivation.Identity()
                    : polyrelu ? LayerActivation.PolyRelu.shared(0.1, 1, 0.5) : new LayerActivation.Relu();
            layers.add(new Layer(w, b, a));
            in = widths[l];
        }
        return new Network(input, layers);
    }
}
