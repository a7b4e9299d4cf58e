package org.actlab.activation;

import org.hipparchus.analysis.differentiation.Derivative;

/** The logistic sigmoid {@code σ(x) = 1/(1 + e^(−x))}. */
public final class Sigmoid extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "1/(1 + exp(−x))";

    public Sigmoid(ParameterValues values) {
        super("sigmoid", values);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        return Logistic.sigmoid(x);
    }

    @Override
    protected double valueFinite(double x) {
        return Logistic.sigmoid(x);
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        return order == 0 && positive ? 1.0 : 0.0;
    }
}
