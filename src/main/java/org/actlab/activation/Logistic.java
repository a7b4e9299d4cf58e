package org.actlab.activation;

import org.hipparchus.CalculusFieldElement;

/**
 * The logistic sigmoid {@code σ(x) = 1/(1 + e^(−x))}, evaluated stably for both signs
 * ({@code e^x/(1 + e^x)} for negative x), so neither the value nor any derivative overflows.
 */
final class Logistic {
    private Logistic() {
    }

    /** σ on a derivative type: {@link SpecialFunctions#sigmoid(Derivative)} (derivatives to full relative accuracy). */
    static <T extends org.hipparchus.analysis.differentiation.Derivative<T>> T sigmoid(T x) {
        return SpecialFunctions.sigmoid(x);
    }

    /** σ on any field (vector activations): the stable two-sided form. */
    static <T extends CalculusFieldElement<T>> T sigmoid(T x) {
        if (x.getReal() >= 0) {
            return x.negate().exp().add(1).reciprocal();
        }
        T e = x.exp();
        return e.divide(e.add(1));
    }

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
