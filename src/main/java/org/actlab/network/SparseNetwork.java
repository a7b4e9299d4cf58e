package org.actlab.network;

/**
 * Fast evaluation of a network whose layers are mostly zeros: each layer's nonzero weights by
 * column, and only the columns of nonzero inputs (about half of the units at any point) are
 * scattered into the outputs. Every output still
 * receives its terms in increasing input order starting from its bias, as in {@link Layer#apply}, so
 * the results are the dense evaluation's (terms skipped here are exact zeros there). Yarotsky's
 * Sobolev layout is this sparse (a few percent of its dense weights are nonzero).
 */
public final class SparseNetwork {
    private final int[][] start;
    private final int[][] row;
    private final double[][] weight;
    private final double[][] bias;
    private final LayerActivation[] activation;
    public SparseNetwork(Network net) {
        int layers = net.depth();
        start = new int[layers][];
        row = new int[layers][];
        weight = new double[layers][];
        bias = new double[layers][];
        activation = new LayerActivation[layers];
        for (int l = 0; l < layers; l++) {
            Layer ly = net.layers().get(l);
            double[][] w = ly.weights();
            int cols = ly.inputs();
            int[] count = new int[cols];
            for (double[] r : w) {
                for (int j = 0; j < cols; j++) {
                    count[j] += r[j] != 0 ? 1 : 0;
                }
            }
            start[l] = new int[cols + 1];
            for (int j = 0; j < cols; j++) {
                start[l][j + 1] = start[l][j] + count[j];
            }
            row[l] = new int[start[l][cols]];
            weight[l] = new double[start[l][cols]];
            int[] next = java.util.Arrays.copyOf(start[l], cols);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < cols; j++) {
                    if (w[i][j] != 0) {
                        row[l][next[j]] = i;
                        weight[l][next[j]++] = w[i][j];
                    }
                }
            }
            bias[l] = ly.bias().clone();
            activation[l] = ly.activation();
        }
    }

    /** The first output at x. */
    public double evaluate(double[] x) {
        double[] h = x;
        for (int l = 0; l < start.length; l++) {
            double[] z = bias[l].clone();
            int[] s = start[l];
            for (int j = 0; j < h.length; j++) {
                double v = h[j];
                if (v != 0) {
                    for (int p = s[j]; p < s[j + 1]; p++) {
                        z[row[l][p]] += weight[l][p] * v;
                    }
                }
            }
            for (int i = 0; i < z.length; i++) {
                z[i] = activation[l].apply(i, z[i]);
            }
            h = z;
        }
        return h[0];
    }
}
