package org.actlab.network;

import java.util.Arrays;

import org.actlab.ActlabException;

/**
 * One affine layer followed by an activation: {@code y = σ(W x + b)}, with {@code W} stored as one
 * row per output unit.
 *
 * @param weights    {@code W}, rows × inputs
 * @param bias       {@code b}, one per row
 * @param activation σ
 */
public record Layer(double[][] weights, double[] bias, LayerActivation activation) {
    public Layer {
        if (weights.length == 0) {
            throw new ActlabException("a layer needs at least one unit (weights has no rows)");
        }
        int cols = weights[0].length;
        if (cols == 0) {
            throw new ActlabException("a layer needs at least one input (weights rows are empty)");
        }
        for (double[] row : weights) {
            if (row.length != cols) {
                throw new ActlabException("weights rows have different lengths (" + cols + " and " + row.length + ")");
            }
            checkFinite(row, "weights");
        }
        if (bias.length != weights.length) {
            throw new ActlabException("bias has " + bias.length + " entries but weights has " + weights.length + " rows");
        }
        checkFinite(bias, "bias");
        if (activation instanceof LayerActivation.PolyRelu pr) {
            if (!pr.isShared() && pr.coefficients().length != weights.length) {
                throw new ActlabException("polyrelu has " + pr.coefficients().length + " coefficient lists for "
                        + weights.length + " units (give one shared list or one per unit)");
            }
            for (double[] a : pr.coefficients()) {
                if (a.length < 2) {
                    throw new ActlabException("polyrelu needs at least two coefficients a0, a1 (order ≥ 1)");
                }
                checkFinite(a, "polyrelu coefficients");
            }
        }
        weights = Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
        bias = bias.clone();
    }

    private static void checkFinite(double[] values, String what) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new ActlabException(what + " must be finite numbers, found " + v);
            }
        }
    }

    /** Number of output units. */
    public int outputs() {
        return weights.length;
    }

    /** Number of inputs. */
    public int inputs() {
        return weights[0].length;
    }

    /** {@code σ(W x + b)}. */
    public double[] apply(double[] x) {
        double[] y = new double[weights.length];
        for (int i = 0; i < y.length; i++) {
            double z = bias[i];
            double[] row = weights[i];
            for (int j = 0; j < row.length; j++) {
                z += row[j] * x[j];
            }
            y[i] = activation.apply(i, z);
        }
        return y;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layer l && Arrays.deepEquals(weights, l.weights) && Arrays.equals(bias, l.bias)
                && activation.equals(l.activation);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(weights) * 31 + Arrays.hashCode(bias) * 17 + activation.hashCode();
    }

    @Override
    public String toString() {
        return "Layer[" + outputs() + "x" + inputs() + ", " + activation + "]";
    }
}
