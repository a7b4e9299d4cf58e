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
    /** The widest layer's outputs. */
    private final int maxWidth;
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
        int widest = 1;
        for (double[] b : bias) {
            widest = Math.max(widest, b.length);
        }
        maxWidth = widest;
    }

    /** The first output at x (a fresh {@link #evaluator}; for many points, keep one per thread). */
    public double evaluate(double[] x) {
        return evaluator().evaluate(x);
    }

    /** An evaluator with its own buffers: one per thread, reused from point to point. */
    public Evaluator evaluator() {
        return new Evaluator();
    }

    /**
     * Evaluates points one after another into two buffers of the widest layer (a fresh array per layer and
     * point cost seconds of garbage collection in the Sobolev experiments). Not for concurrent use.
     */
    public final class Evaluator {
        private final double[] even = new double[maxWidth];
        private final double[] odd = new double[maxWidth];

        private Evaluator() {
        }

        /** The first output at x. */
        public double evaluate(double[] x) {
            double[] h = x;
            int width = x.length;
            for (int l = 0; l < start.length; l++) {
                double[] z = (l & 1) == 0 ? even : odd;
                double[] b = bias[l];
                int outputs = b.length;
                System.arraycopy(b, 0, z, 0, outputs);
                int[] s = start[l];
                int[] r = row[l];
                double[] w = weight[l];
                for (int j = 0; j < width; j++) {
                    double v = h[j];
                    if (v != 0) {
                        for (int p = s[j]; p < s[j + 1]; p++) {
                            z[r[p]] += w[p] * v;
                        }
                    }
                }
                LayerActivation act = activation[l];
                if (act instanceof LayerActivation.Relu) {
                    for (int i = 0; i < outputs; i++) {
                        z[i] = z[i] > 0 ? z[i] : 0.0;   // LayerActivation.Relu.apply, without the call per unit
                    }
                } else if (!(act instanceof LayerActivation.Identity)) {
                    for (int i = 0; i < outputs; i++) {
                        z[i] = act.apply(i, z[i]);
                    }
                }
                h = z;
                width = outputs;
            }
            return h[0];
        }
    }
}
