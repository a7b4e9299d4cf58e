package org.actlab.approx;

import java.util.ArrayList;
import java.util.List;

import org.actlab.ActlabException;
import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;

/**
 * The exact constructions of PolyCom's Theorem 1 and Lemma 1: no approximation, the networks
 * compute the same function.
 */
public final class ExactConversions {
    private ExactConversions() {
    }

    /**
     * Theorem 1: a ReLU network as a PolyReLU network of the same depth, width and parameter count,
     * every ReLU layer replaced by PolyReLU with {@code a = (0, 1)} (so {@code σ(z) = max(z, 0)}).
     * Identity layers stay identity.
     */
    public static Network reluToPolyRelu(Network relu) {
        if (!relu.isReluNetwork()) {
            throw new ActlabException("the network already has PolyReLU layers; Theorem 1 converts plain ReLU networks");
        }
        List<Layer> layers = new ArrayList<>();
        for (Layer l : relu.layers()) {
            LayerActivation a = l.activation() instanceof LayerActivation.Relu ? LayerActivation.PolyRelu.shared(0, 1)
                    : l.activation();
            layers.add(new Layer(l.weights(), l.bias(), a));
        }
        return new Network(relu.inputDim(), layers);
    }

    /** Lemma 1: ReLU as one PolyReLU unit, {@code a = (0, 1)}, followed by an identity output. */
    public static Network reluAsPolyRelu() {
        return singleUnit(new double[] {0, 1});
    }

    /** Lemma 1: ReLU² as one PolyReLU unit, {@code a = (0, 0, 1)}. */
    public static Network reluSquaredAsPolyRelu() {
        return singleUnit(new double[] {0, 0, 1});
    }

    private static Network singleUnit(double[] coeffs) {
        return new Network(1, List.of(
                new Layer(new double[][] {{1}}, new double[] {0}, LayerActivation.PolyRelu.shared(coeffs)),
                new Layer(new double[][] {{1}}, new double[] {0}, new LayerActivation.Identity())));
    }

    /**
     * Lemma 1: a polynomial {@code p(x) = Σ_{i=0}^{r} c_i x^i} as two PolyReLU units, one on x with
     * coefficients {@code (0, c_1, …, c_r)} and one on −x with {@code (0, −c_1, c_2, −c_3, …)}, summed
     * with output bias {@code c_0}: exact because {@code x^i = ReLU(x)^i + (−1)^i ReLU(−x)^i} for i ≥ 1.
     */
    public static Network polynomialAsPolyRelu(double[] c) {
        if (c.length < 2) {
            throw new ActlabException("give at least two coefficients c0,c1 (degree ≥ 1)");
        }
        double[] onX = c.clone();
        double[] onMinusX = new double[c.length];
        onX[0] = 0;
        for (int i = 1; i < c.length; i++) {
            onMinusX[i] = i % 2 == 0 ? c[i] : -c[i];
        }
        return new Network(1, List.of(
                new Layer(new double[][] {{1}, {-1}}, new double[] {0, 0}, new LayerActivation.PolyRelu(new double[][] {onX, onMinusX})),
                new Layer(new double[][] {{1, 1}}, new double[] {c[0]}, new LayerActivation.Identity())));
    }
}
