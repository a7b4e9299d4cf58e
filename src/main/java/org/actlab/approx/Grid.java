package org.actlab.approx;

/**
 * Points in increasing order with the exact pre-activations of the current layer at each;
 * {@code micros[k]} is the one-ulp piece {@code [xs[k], xs[k+1]]} when that piece brackets a kink
 * at a point that is not a double, else null.
 */
record Grid(double[] xs, ExactEvaluator.Values[] values, Micro[] micros) {
}
