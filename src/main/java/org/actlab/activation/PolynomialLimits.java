package org.actlab.activation;

/**
 * Limits at ±∞ of a polynomial and its derivatives, for the piecewise-polynomial activations.
 */
final class PolynomialLimits {
    private PolynomialLimits() {
    }

    /**
     * {@code lim p^(order)(x)} for {@code x → ±∞}, with {@code p(x) = Σ c_i x^i}.
     */
    static double limit(double[] ascending, int order, boolean positive) {
        // coefficients of the order-th derivative
        int degree = -1;
        double lead = 0;
        double constant = 0;
        for (int i = ascending.length - 1; i >= order; i--) {
            if (ascending[i] != 0) {
                double factor = 1;
                for (int j = 0; j < order; j++) {
                    factor *= (i - j);
                }
                if (degree < 0) {
                    degree = i - order;
                    lead = ascending[i] * factor;
                }
                if (i == order) {
                    constant = ascending[i] * factor;
                }
            }
        }
        if (degree < 0) {
            return 0.0;
        }
        if (degree == 0) {
            return constant;
        }
        double sign = Math.signum(lead) * ((!positive && degree % 2 == 1) ? -1 : 1);
        return sign * Double.POSITIVE_INFINITY;
    }
}
