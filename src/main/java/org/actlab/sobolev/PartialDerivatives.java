package org.actlab.sobolev;

/**
 * A function on [0, 1]^d with its partial derivatives: what {@link Norms} measures (so that the norms
 * do not depend on how a {@link SobolevFunction} is made, and a function can measure itself).
 */
interface PartialDerivatives {
    /** The input dimension d. */
    int dimension();

    /** A formula in words, for messages. */
    String formula();

    /** Every partial derivative of order ≤ {@code order} at {@code x}, indexed by {@link MultiIndex} (entry 0 is the value). */
    double[] partials(double[] x, int order);

    /**
     * The p-th point of the uniform grid of {@code (cells + 1)^d} points of [0, 1]^d, row-major in the
     * coordinates (the last varies fastest), written into {@code x}.
     */
    static void gridPoint(int p, int cells, double[] x) {
        int r = p;
        for (int k = x.length - 1; k >= 0; k--) {
            x[k] = (double) (r % (cells + 1)) / cells;
            r /= cells + 1;
        }
    }
}
