package org.actlab.network;

/**
 * Fast evaluation of a network whose layers are mostly zeros: each layer's nonzero weights by row (columns
 * ascending), and a unit adds only the terms of nonzero inputs (about half of the units at any point are zero).
 * Every unit still receives its terms in increasing input order starting from its bias, as in {@link Layer#apply},
 * so the results are the dense evaluation's (terms skipped here are exact zeros there). Yarotsky's Sobolev layout is
 * this sparse (a few percent of its dense weights are nonzero). A {@link Cone} evaluates only the units a set of the
 * output's columns reads; {@link Evaluator} is the cone of every unit.
 */
public final class SparseNetwork {
    private final double[][] bias;
    private final LayerActivation[] activation;
    /** Each layer's nonzero weights by row: row i's are {@code rowStart[i] … rowStart[i+1] − 1}, columns ascending. */
    private final int[][] rowStart;
    private final int[][] column;
    private final double[][] rowWeight;
    /** The widest layer's outputs. */
    private final int maxWidth;

    public SparseNetwork(Network net) {
        int layers = net.depth();
        bias = new double[layers][];
        activation = new LayerActivation[layers];
        rowStart = new int[layers][];
        column = new int[layers][];
        rowWeight = new double[layers][];
        for (int l = 0; l < layers; l++) {
            Layer ly = net.layers().get(l);
            double[][] w = ly.weights();
            int nonzero = 0;
            for (double[] r : w) {
                for (double v : r) {
                    nonzero += v != 0 ? 1 : 0;
                }
            }
            rowStart[l] = new int[w.length + 1];
            column[l] = new int[nonzero];
            rowWeight[l] = new double[nonzero];
            for (int i = 0, q = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    if (w[i][j] != 0) {
                        column[l][q] = j;
                        rowWeight[l][q++] = w[i][j];
                    }
                }
                rowStart[l][i + 1] = q;
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
     * Evaluates points one after another, every unit, into two buffers of the widest layer (a fresh array per layer
     * and point cost seconds of garbage collection in the Sobolev experiments). Not for concurrent use.
     */
    public final class Evaluator {
        private final Cone all;

        private Evaluator() {
            int hidden = bias.length - 1;
            int[][] units = new int[hidden][];
            for (int l = 0; l < hidden; l++) {
                units[l] = java.util.stream.IntStream.range(0, bias[l].length).toArray();
            }
            int out = bias.length - 1;
            int[] cols = java.util.Arrays.copyOfRange(column[out], rowStart[out][0], rowStart[out][1]);
            double[] w = java.util.Arrays.copyOfRange(rowWeight[out], rowStart[out][0], rowStart[out][1]);
            all = new Cone(units, cols, w);
        }

        /** The first output at x. */
        public double evaluate(double[] x) {
            return all.evaluate(x);
        }
    }

    /**
     * The part of the network that the first output reads through {@code columns} of its last hidden layer: those
     * units and, layer by layer back, every unit they read (the backward closure). Only these are evaluated, each
     * exactly as {@link Evaluator} evaluates it (bias first, then its terms in increasing input order: the terms
     * skipped there are exact zeros, so every unit of the cone has the same value bit for bit); the output adds
     * only the given columns' terms. For a network whose output is a sum of parts that are exactly zero away from
     * a point (the cells of Yarotsky's construction), this is the network's value there with the zero parts left
     * out: equal in exact arithmetic, and without their rounding in floating point.
     *
     * @param columns units of the last hidden layer (ascending, distinct)
     */
    public Cone cone(int[] columns) {
        int layers = bias.length;
        if (layers < 2) {
            throw new IllegalArgumentException("a cone needs a hidden layer");
        }
        int[][] units = new int[layers - 1][];
        units[layers - 2] = columns.clone();
        for (int l = layers - 2; l > 0; l--) {
            java.util.BitSet read = new java.util.BitSet();
            for (int i : units[l]) {
                for (int p = rowStart[l][i]; p < rowStart[l][i + 1]; p++) {
                    read.set(column[l][p]);
                }
            }
            units[l - 1] = read.stream().toArray();
        }
        int last = layers - 1;
        int[] outCols = new int[columns.length];
        double[] outW = new double[columns.length];
        int k = 0;
        int c = 0;
        for (int p = rowStart[last][0]; p < rowStart[last][1]; p++) {
            int j = column[last][p];
            while (c < columns.length && columns[c] < j) {
                c++;
            }
            if (c < columns.length && columns[c] == j) {
                outCols[k] = j;
                outW[k++] = rowWeight[last][p];
            }
        }
        return new Cone(units, java.util.Arrays.copyOf(outCols, k), java.util.Arrays.copyOf(outW, k));
    }

    /** See {@link #cone}. Not for concurrent use (it keeps its buffers). */
    public final class Cone {
        private final int[][] units;
        private final int[] outCols;
        private final double[] outW;
        private final double[] even = new double[maxWidth];
        private final double[] odd = new double[maxWidth];

        private Cone(int[][] units, int[] outCols, double[] outW) {
            this.units = units;
            this.outCols = outCols;
            this.outW = outW;
        }

        /** Units evaluated per point (hidden layers). */
        public long size() {
            long n = 0;
            for (int[] u : units) {
                n += u.length;
            }
            return n;
        }

        /** The first output at x, through the cone's units only. */
        public double evaluate(double[] x) {
            double[] h = x;
            for (int l = 0; l < units.length; l++) {
                double[] z = (l & 1) == 0 ? even : odd;
                int[] rs = rowStart[l];
                int[] col = column[l];
                double[] w = rowWeight[l];
                double[] b = bias[l];
                LayerActivation act = activation[l];
                boolean relu = act instanceof LayerActivation.Relu;
                boolean identity = act instanceof LayerActivation.Identity;
                for (int i : units[l]) {
                    double v = b[i];
                    for (int p = rs[i]; p < rs[i + 1]; p++) {
                        double hv = h[col[p]];
                        if (hv != 0) {   // as Evaluator: a zero input adds no term
                            v += w[p] * hv;
                        }
                    }
                    z[i] = relu ? (v > 0 ? v : 0.0) : identity ? v : act.apply(i, v);
                }
                h = z;
            }
            double v = bias[units.length][0];
            for (int p = 0; p < outCols.length; p++) {
                double hv = h[outCols[p]];
                if (hv != 0) {
                    v += outW[p] * hv;
                }
            }
            LayerActivation act = activation[units.length];
            return act instanceof LayerActivation.Identity ? v : act.apply(0, v);
        }
    }
}
