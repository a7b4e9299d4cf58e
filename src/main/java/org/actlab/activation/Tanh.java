package org.actlab.activation;

import org.hipparchus.analysis.differentiation.Derivative;

/** The hyperbolic tangent. */
public final class Tanh extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "tanh(x)";

    public Tanh(ParameterValues values) {
        super("tanh", values);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        return SpecialFunctions.tanh(x);   // tanh′ = sech² computed directly (1 − tanh² rounds to 0 from |x| = 18.4)
    }

    @Override
    protected double valueFinite(double x) {
        return Math.tanh(x);
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        return order == 0 ? (positive ? 1.0 : -1.0) : 0.0;
    }
}
