package org.actlab.approx;

import org.actlab.ActlabException;
import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.hipparchus.fraction.BigFraction;

/**
 * Exact evaluation of a one-input ReLU network at a double point: every weight, bias and input is
 * a double, hence a dyadic rational, and the network is evaluated over the rationals. The fast
 * path runs in {@link CheckedArithmetic}; only if some operation rounds is the point recomputed in
 * {@link BigFraction}.
 */
final class ExactEvaluator {
    private final Network net;
    /** Points that needed rational arithmetic (for the certificate's report). */
    long rationalFallbacks;

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

    /**
     * Exact pre-activations of layer {@code layer} (0-based) at x: doubles when exact, else rationals.
     */
    Values preActivations(double x, int layer) {
        CheckedArithmetic c = new CheckedArithmetic();
        double[] h = {x};
        double[] z = null;
        for (int l = 0; l <= layer; l++) {
            Layer ly = net.layers().get(l);
            z = affine(c, ly, h);
            if (l < layer) {
                h = activate(ly.activation(), z);
            }
        }
        if (c.exact) {
            return new Values(z, null);
        }
        rationalFallbacks++;
        return new Values(null, rational(x, layer));
    }

    /**
     * Exact pre-activations of {@code layer} from the exact pre-activations {@code prev} of
     * {@code layer − 1} at the same point {@code x} (one layer's work instead of all of them).
     */
    Values step(double x, Values prev, int layer) {
        if (prev.isDouble()) {
            CheckedArithmetic c = new CheckedArithmetic();
            double[] h = activate(net.layers().get(layer - 1).activation(), prev.doubles());
            double[] z = affine(c, net.layers().get(layer), h);
            if (c.exact) {
                return new Values(z, null);
            }
        }
        return preActivations(x, layer);
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

    private BigFraction[] rational(double x, int layer) {
        BigFraction[] h = {Rationals.of(x)};
        BigFraction[] z = null;
        for (int l = 0; l <= layer; l++) {
            Layer ly = net.layers().get(l);
            z = new BigFraction[ly.outputs()];
            for (int i = 0; i < z.length; i++) {
                BigFraction acc = Rationals.of(ly.bias()[i]);
                double[] row = ly.weights()[i];
                for (int j = 0; j < row.length; j++) {
                    if (row[j] != 0 && h[j].signum() != 0) {
                        acc = acc.add(h[j].multiply(Rationals.of(row[j])));
                    }
                }
                z[i] = acc;
            }
            if (l < layer) {
                if (ly.activation() instanceof LayerActivation.Identity) {
                    h = z;
                } else {
                    h = new BigFraction[z.length];
                    for (int i = 0; i < z.length; i++) {
                        h[i] = z[i].signum() > 0 ? z[i] : BigFraction.ZERO;
                    }
                }
            }
        }
        return z;
    }

    /** Exact values: {@code doubles} when every operation was exact, else {@code rationals}. */
    record Values(double[] doubles, BigFraction[] rationals) {
        int signum(int i) {
            return doubles != null ? (int) Math.signum(doubles[i]) : rationals[i].signum();
        }

        double approx(int i) {
            return doubles != null ? doubles[i] : rationals[i].doubleValue();
        }

        BigFraction exact(int i) {
            return doubles != null ? Rationals.of(doubles[i]) : rationals[i];
        }

        boolean isDouble() {
            return doubles != null;
        }

        int size() {
            return doubles != null ? doubles.length : rationals.length;
        }
    }
}
