package org.actlab.approx;

import org.actlab.ActlabException;
import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.hipparchus.fraction.BigFraction;

/**
 * Exact evaluation of a one-input ReLU network at double points: every weight, bias and input is
 * a double, hence a dyadic rational, and so is every value the network computes. The fast path runs
 * in {@link CheckedArithmetic}; where some operation rounds, the layer is recomputed in exact
 * {@link Dyadic} arithmetic from the previous layer's exact values.
 */
final class ExactEvaluator {
    private final Network net;
    private Dyadic[][][] weights;
    private Dyadic[][] biases;
    private WideAffine.Weights[] wide;
    /** Layer evaluations that needed exact dyadic arithmetic. */
    long exactFallbacks;

    ExactEvaluator(Network net) {
        if (!net.isReluNetwork()) {
            throw new ActlabException("exact certification covers ReLU networks (relu and identity layers); "
                    + "this network has PolyReLU layers");
        }
        if (net.inputDim() != 1 || net.outputDim() != 1) {
            throw new ActlabException("exact certification covers networks with one input and one output (this one has "
                    + net.inputDim() + " and " + net.outputDim() + ")");
        }
        this.net = net;
    }

    /** Exact pre-activations of {@code layer} (0-based) at x. */
    Values preActivations(double x, int layer) {
        Values v = new Values(null, new Dyadic[0]);
        for (int l = 0; l <= layer; l++) {
            v = l == 0 ? first(x) : step(x, v, l);
        }
        return v;
    }

    private Values first(double x) {
        CheckedArithmetic c = new CheckedArithmetic();
        double[] z = affine(c, net.layers().get(0), new double[] {x});
        if (c.exact) {
            return new Values(z, null);
        }
        exactFallbacks++;
        return new Values(null, affine(0, new Dyadic[] {Dyadic.of(x)}));
    }

    /**
     * Exact pre-activations of {@code layer} from the exact pre-activations {@code prev} of
     * {@code layer − 1} at the same point (one layer's work).
     */
    Values step(double x, Values prev, int layer) {
        LayerActivation previous = net.layers().get(layer - 1).activation();
        if (prev.isDouble()) {
            CheckedArithmetic c = new CheckedArithmetic();
            double[] z = affine(c, net.layers().get(layer), activate(previous, prev.doubles()));
            if (c.exact) {
                return new Values(z, null);
            }
        }
        exactFallbacks++;
        Dyadic[] h = prev.dyadics();
        if (!(previous instanceof LayerActivation.Identity)) {
            Dyadic[] r = new Dyadic[h.length];
            for (int i = 0; i < h.length; i++) {
                r[i] = h[i].signum() > 0 ? h[i] : Dyadic.ZERO;
            }
            h = r;
        }
        return new Values(null, affine(layer, h));
    }

    private static double[] affine(CheckedArithmetic c, Layer ly, double[] h) {
        double[] z = new double[ly.outputs()];
        for (int i = 0; i < z.length; i++) {
            double acc = ly.bias()[i];
            double[] row = ly.weights()[i];
            for (int j = 0; j < row.length; j++) {
                if (row[j] != 0 && h[j] != 0) {
                    acc = c.add(acc, c.mul(row[j], h[j]));
                }
            }
            z[i] = acc;
        }
        return z;
    }

    private Dyadic[] affine(int layer, Dyadic[] h) {
        if (weights == null) {
            weights = new Dyadic[net.depth()][][];
            biases = new Dyadic[net.depth()][];
        }
        Layer ly = net.layers().get(layer);
        if (weights[layer] == null) {
            weights[layer] = new Dyadic[ly.outputs()][ly.inputs()];
            biases[layer] = new Dyadic[ly.outputs()];
            for (int i = 0; i < ly.outputs(); i++) {
                biases[layer][i] = Dyadic.of(ly.bias()[i]);
                for (int j = 0; j < ly.inputs(); j++) {
                    weights[layer][i][j] = Dyadic.of(ly.weights()[i][j]);
                }
            }
        }
        if (wide == null) {
            wide = new WideAffine.Weights[net.depth()];
        }
        if (wide[layer] == null) {
            wide[layer] = WideAffine.Weights.of(weights[layer], biases[layer]);
        }
        Dyadic[] fast = WideAffine.affine(wide[layer], h);
        if (fast != null) {
            return fast;
        }
        Dyadic[] z = new Dyadic[ly.outputs()];
        for (int i = 0; i < z.length; i++) {
            Dyadic acc = biases[layer][i];
            for (int j = 0; j < h.length; j++) {
                if (weights[layer][i][j].signum() != 0 && h[j].signum() != 0) {
                    acc = acc.add(weights[layer][i][j].multiply(h[j]));
                }
            }
            z[i] = acc;
        }
        return z;
    }

    private static double[] activate(LayerActivation a, double[] z) {
        if (a instanceof LayerActivation.Identity) {
            return z;
        }
        double[] h = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            h[i] = z[i] > 0 ? z[i] : 0.0;
        }
        return h;
    }

    /** Exact values: {@code doubles} when every operation was exact, else {@code dyadics}. */
    record Values(double[] doubles, Dyadic[] exact) {
        int signum(int i) {
            return doubles != null ? (int) Math.signum(doubles[i]) : exact[i].signum();
        }

        double approx(int i) {
            return doubles != null ? doubles[i] : exact[i].approx();
        }

        BigFraction fraction(int i) {
            return doubles != null ? Rationals.of(doubles[i]) : exact[i].toFraction();
        }

        /** The exact value of entry i. */
        Dyadic dyadic(int i) {
            return doubles != null ? Dyadic.of(doubles[i]) : exact[i];
        }

        Dyadic[] dyadics() {
            if (exact != null) {
                return exact;
            }
            Dyadic[] d = new Dyadic[doubles.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = Dyadic.of(doubles[i]);
            }
            return d;
        }

        boolean isDouble() {
            return doubles != null;
        }

        int size() {
            return doubles != null ? doubles.length : exact.length;
        }
    }
}
