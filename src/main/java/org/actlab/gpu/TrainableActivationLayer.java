package org.actlab.gpu;

import java.util.Map;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * A DL4J layer that applies a trainable activation to its input, feature by feature (or across the
 * features, for PolyNorm): the output has the input's shape. A {@link SameDiffLayer}, because DL4J's
 * {@code IActivation} cannot train parameters; its parameters are scalars of shape [1, 1], broadcast
 * over the minibatch and the features. Subclasses keep their configuration in plain bean properties
 * (getters and setters, a no-arg constructor), which DL4J's JSON serialisation needs.
 *
 * <p><b>DL4J 1.0.0-M2.1 defect, compensated here.</b> Its {@code SameDiffLayer} builds the gradient function
 * with the external error dL/dy added to itself (the function holds {@code add(y-grad, y-grad)}), so every
 * gradient through such a layer, of its parameters and of its input, comes out doubled: measured on a
 * one-parameter layer y = a·x (analytic 2× the central difference, at any minibatch size). {@link #defineLayer}
 * therefore returns {@code ½·y + ½·stopGradient(y)}: the same value, bit for bit (halving and doubling are
 * exact), and half the gradient. The gradient checks of {@code LayerChecks} hold the result to central
 * differences, so a DL4J without the defect would fail them at once.
 */
public abstract class TrainableActivationLayer extends SameDiffLayer {
    private long size;

    protected TrainableActivationLayer() {
    }

    protected TrainableActivationLayer(long size) {
        this.size = size;
    }

    /** The number of features (0 until set from the input type). */
    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    /**
     * A parameter key DL4J accepts: it names gradients {@code LAYER_KEY} and splits them at '_', so the
     * parameter's name goes in camel case ({@code alpha_p_raw} → {@code alphaPRaw}).
     */
    static String key(String name) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    /** The activation's graph on {@code input} with the layer's parameter variables (by key). */
    public abstract SDVariable activation(SameDiff sd, SDVariable input, Map<String, SDVariable> parameters);

    @Override
    public final SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> parameters, SDVariable mask) {
        SDVariable y = activation(sd, input, parameters);
        return y.mul(0.5).add(new StopGradient(sd, y).outputVariable().mul(0.5));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(size > 0 ? size : ((InputType.InputTypeFeedForward) inputType).getSize());
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (size == 0 || override) {
            size = ((InputType.InputTypeFeedForward) inputType).getSize();
        }
    }
}
