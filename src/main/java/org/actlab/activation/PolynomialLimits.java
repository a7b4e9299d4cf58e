package org.actlab.activation;

/**
 * Limits at ±∞ of a polynomial and its derivatives, and its value and first two derivatives at a
 * point, for the piecewise-polynomial activations.
 */
final class PolynomialLimits {
    private PolynomialLimits() {
    }

    /**
     * {@code [p(x), p′(x), p″(x)]} for {@code p(x) = Σ c_i x^i}, each by Horner's rule on its own
     * coefficients: automatic differentiation of one Horner loop forms ∞·0 (NaN) in p″ wherever a
     * higher term overflows although p″ does not (0.25x³ at x = 1e200).
     */
    static double[] valueAndDerivatives(double[] ascending, double x) {
        double[] out = new double[3];
        for (int order = 0; order < 3; order++) {
            double acc = 0;
            for (int i = ascending.length - 1; i >= order; i--) {
                double factor = 1;
                for (int j = 0; j < order; j++) {
                    factor *= i - j;
                }
                acc = acc * x + ascending[i] * factor;
            }
            out[order] = acc;
        }
        return out;
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
