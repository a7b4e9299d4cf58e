package org.actlab.network;

import java.util.List;

import org.actlab.ActlabException;

/**
 * A feed-forward network as data: layers applied in order, {@code y = σ_L(W_L … σ_1(W_1 x + b_1) … + b_L)}.
 * All layers but the last are hidden layers; the last is usually {@code identity}.
 *
 * @param inputDim the input dimension
 * @param layers   the layers, first to last
 */
public record Network(int inputDim, List<Layer> layers) {
    public Network {
        if (inputDim < 1) {
            throw new ActlabException("input_dim must be at least 1, got " + inputDim);
        }
        if (layers.isEmpty()) {
            throw new ActlabException("a network needs at least one layer");
        }
        int expected = inputDim;
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).inputs() != expected) {
                throw new ActlabException("layer " + (l + 1) + " takes " + layers.get(l).inputs() + " inputs but receives "
                        + expected);
            }
            expected = layers.get(l).outputs();
        }
        layers = List.copyOf(layers);
    }

    /** How parameters are counted. */
    public enum Count {
        /** Every entry of every weight matrix and bias vector, output layer included. */
        ALL,
        /** The nonzero entries only. */
        NONZERO
    }

    /** The output dimension. */
    public int outputDim() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** The number of affine layers (hidden layers plus the output layer). */
    public int depth() {
        return layers.size();
    }

    /** The largest number of units in a hidden layer (0 without hidden layers). */
    public int width() {
        int w = 0;
        for (int l = 0; l < layers.size() - 1; l++) {
            w = Math.max(w, layers.get(l).outputs());
        }
        return w;
    }

    /** The number of hidden units. */
    public long neurons() {
        long n = 0;
        for (int l = 0; l < layers.size() - 1; l++) {
            n += layers.get(l).outputs();
        }
        return n;
    }

    /** Weights and biases, counted by the given convention (activation coefficients are not included). */
    public long parameterCount(Count count) {
        long n = 0;
        for (Layer layer : layers) {
            for (double[] row : layer.weights()) {
                for (double w : row) {
                    if (count == Count.ALL || w != 0) {
                        n++;
                    }
                }
            }
            for (double b : layer.bias()) {
                if (count == Count.ALL || b != 0) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Trainable activation coefficients (PolyReLU), counted separately from {@link #parameterCount}. */
    public long activationParameterCount() {
        long n = 0;
        for (Layer layer : layers) {
            if (layer.activation() instanceof LayerActivation.PolyRelu pr) {
                for (double[] a : pr.coefficients()) {
                    n += a.length;
                }
            }
        }
        return n;
    }

    /** The network's output at {@code x}, in double precision. */
    public double[] evaluate(double[] x) {
        if (x.length != inputDim) {
            throw new ActlabException("the network takes " + inputDim + " inputs, got " + x.length);
        }
        double[] h = x;
        for (Layer layer : layers) {
            h = layer.apply(h);
        }
        return h;
    }

    /** The output of a network with one input and one output. */
    public double evaluate(double x) {
        if (inputDim != 1 || outputDim() != 1) {
            throw new ActlabException("scalar evaluation needs one input and one output, the network has "
                    + inputDim + " and " + outputDim());
        }
        return evaluate(new double[] {x})[0];
    }

    /** Whether every hidden and output activation is ReLU or identity (a plain ReLU network). */
    public boolean isReluNetwork() {
        return layers.stream().allMatch(l -> !(l.activation() instanceof LayerActivation.PolyRelu));
    }
}
