package org.actlab.approx;

import java.util.List;

import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;

/** One-input networks with one hidden ReLU layer: {@code y = c + Σ_i v_i·σ(w_i x + b_i)}. */
final class OneHiddenLayer {
    private OneHiddenLayer() {
    }

    static Network of(double[] w, double[] b, double[] v, double c) {
        int n = w.length;
        double[][] w1 = new double[n][1];
        for (int i = 0; i < n; i++) {
            w1[i][0] = w[i];
        }
        return new Network(1, List.of(new Layer(w1, b.clone(), new LayerActivation.Relu()),
                new Layer(new double[][] {v.clone()}, new double[] {c}, new LayerActivation.Identity())));
    }
}
