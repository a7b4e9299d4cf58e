package org.actlab.approx;

import org.actlab.ActlabException;
import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.actlab.polynomial.Rationals;
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
        Values v = null;
        for (int l = 0; l <= layer; l++) {
            v = l == 0 ? first(x) : step(x, v, l);
        }
        return v;
    }

    private Values first(double x) {
        CheckedArithmetic c = new CheckedArithmetic();
        double[] z = affine(c, net.layers().get(0), new double[] {x}, false);
        if (c.exact) {
            return Values.of(z);
        }
        exactFallbacks++;
        return affine(0, WideAffine.Wide.ofDoubles(new double[] {x}), new Dyadic[] {Dyadic.of(x)});
    }

    /**
     * Exact pre-activations of {@code layer} from the exact pre-activations {@code prev} of
     * {@code layer − 1} at the same point (one layer's work).
     */
    Values step(double x, Values prev, int layer) {
        boolean relu = !(net.layers().get(layer - 1).activation() instanceof LayerActivation.Identity);
        if (prev.isDouble()) {
            CheckedArithmetic c = new CheckedArithmetic();
            double[] z = affine(c, net.layers().get(layer), prev.doubles(), relu);
            if (c.exact) {
                return Values.of(z);
            }
            exactFallbacks++;
            return affine(layer, WideAffine.Wide.ofDoubles(relu ? relu(prev.doubles()) : prev.doubles()), null);
        }
        exactFallbacks++;
        if (prev.wide() != null) {
            return affine(layer, relu ? prev.wide().relu() : prev.wide(), null);
        }
        Dyadic[] h = prev.exact();
        if (relu) {
            Dyadic[] r = new Dyadic[h.length];
            for (int i = 0; i < h.length; i++) {
                r[i] = h[i].signum() > 0 ? h[i] : Dyadic.ZERO;
            }
            h = r;
        }
        return affine(layer, WideAffine.Wide.of(h), h);
    }

    /**
     * {@code W·h + b} in checked double arithmetic, with {@code h} taken through ReLU first when {@code relu}
     * (without an array for the activations: this runs for every grid point and layer).
     */
    private static double[] affine(CheckedArithmetic c, Layer ly, double[] h, boolean relu) {
        double[] z = new double[ly.outputs()];
        for (int i = 0; i < z.length; i++) {
            double acc = ly.bias()[i];
            double[] row = ly.weights()[i];
            for (int j = 0; j < row.length; j++) {
                double hj = relu ? relu(h[j]) : h[j];
                if (row[j] != 0 && hj != 0) {
                    acc = c.add(acc, c.mul(row[j], hj));
                }
            }
            z[i] = acc;
        }
        return z;
    }

    /**
     * {@code W·h + b} of {@code layer}, exactly: in 128 bits from {@code wide} when it is not null and
     * the values fit, else in {@link Dyadic} arithmetic from {@code exact} (made from {@code wide}
     * when null).
     */
    private Values affine(int layer, WideAffine.Wide wide, Dyadic[] exact) {
        Layer ly = net.layers().get(layer);
        if (weights == null) {
            weights = new Dyadic[net.depth()][][];
            biases = new Dyadic[net.depth()][];
            this.wide = new WideAffine.Weights[net.depth()];
        }
        if (weights[layer] == null) {
            weights[layer] = new Dyadic[ly.outputs()][ly.inputs()];
            biases[layer] = new Dyadic[ly.outputs()];
            for (int i = 0; i < ly.outputs(); i++) {
                biases[layer][i] = Dyadic.of(ly.bias()[i]);
                for (int j = 0; j < ly.inputs(); j++) {
                    weights[layer][i][j] = Dyadic.of(ly.weights()[i][j]);
                }
            }
            this.wide[layer] = WideAffine.Weights.of(weights[layer], biases[layer]);
        }
        if (wide != null) {
            WideAffine.Wide fast = WideAffine.affine(this.wide[layer], wide);
            if (fast != null) {
                return new Values(null, fast, null);
            }
        }
        Dyadic[] h = exact != null ? exact : wide.dyadics();
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
        return Values.of(z);
    }

    /** {@code max(z, 0)} entry by entry (0 for −0 too, as everywhere in the pass). */
    private static double[] relu(double[] z) {
        double[] h = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            h[i] = relu(z[i]);
        }
        return h;
    }

    private static double relu(double z) {
        return z > 0 ? z : 0.0;
    }

    /**
     * Exact values in one of three forms: {@code doubles} when every operation was exact, else
     * {@code wide} (128-bit, no object per value) when they fit, else {@code exact} dyadics. The
     * values' nearest doubles ({@link #approx}) are made once, on first use: the certifier asks for
     * them several times per value (each unit's largest |value|, the kinks' positions, the one-ulp
     * pieces' clearances), and for wide or dyadic values each is a conversion.
     */
    static final class Values {
        private final double[] doubles;
        private final WideAffine.Wide wide;
        private final Dyadic[] exact;
        /** Volatile: a chunk's first point is the previous chunk's last, so two threads of the layer pass may share it. */
        private volatile double[] approx;

        Values(double[] doubles, WideAffine.Wide wide, Dyadic[] exact) {
            this.doubles = doubles;
            this.wide = wide;
            this.exact = exact;
        }

        double[] doubles() {
            return doubles;
        }

        WideAffine.Wide wide() {
            return wide;
        }

        Dyadic[] exact() {
            return exact;
        }

        static Values of(double[] doubles) {
            return new Values(doubles, null, null);
        }

        static Values of(Dyadic[] exact) {
            return new Values(null, null, exact);
        }

        int signum(int i) {
            if (doubles != null) {
                return (int) Math.signum(doubles[i]);
            }
            return wide != null ? wide.signum(i) : exact[i].signum();
        }

        /**
         * The first unit whose value changes sign strictly between these values and {@code other} (one
         * positive, the other negative), or −1. Each pair of forms has its own loop, so that none of them
         * dispatches on the form per unit.
         */
        int firstSignChange(Values other) {
            if (doubles != null && other.doubles != null) {
                double[] a = doubles;
                double[] b = other.doubles;
                for (int i = 0; i < a.length; i++) {
                    if (a[i] < 0 ? b[i] > 0 : a[i] > 0 && b[i] < 0) {
                        return i;
                    }
                }
                return -1;
            }
            if (wide != null && other.wide != null) {
                return wide.firstSignChange(other.wide);
            }
            int n = size();
            for (int i = 0; i < n; i++) {
                if (signum(i) * other.signum(i) < 0) {
                    return i;
                }
            }
            return -1;
        }

        /** Entry i correctly rounded to a double (the value itself when it is a double). */
        double approx(int i) {
            if (doubles != null) {
                return doubles[i];
            }
            double[] a = approx;
            if (a == null) {
                a = new double[size()];
                for (int j = 0; j < a.length; j++) {
                    a[j] = wide != null ? wide.approx(j) : exact[j].approx();
                }
                approx = a;
            }
            return a[i];
        }

        BigFraction fraction(int i) {
            return doubles != null ? Rationals.of(doubles[i]) : dyadic(i).toFraction();
        }

        /** The exact value of entry i. */
        Dyadic dyadic(int i) {
            if (doubles != null) {
                return Dyadic.of(doubles[i]);
            }
            return wide != null ? wide.dyadic(i) : exact[i];
        }

        /** The values in 128-bit form, or null when one has more bits than that form holds. */
        WideAffine.Wide asWide() {
            if (wide != null) {
                return wide;
            }
            return doubles != null ? WideAffine.Wide.ofDoubles(doubles) : WideAffine.Wide.of(exact);
        }

        boolean isDouble() {
            return doubles != null;
        }

        int size() {
            if (doubles != null) {
                return doubles.length;
            }
            return wide != null ? wide.size() : exact.length;
        }
    }
}
