package org.actlab.activation;

import org.hipparchus.analysis.differentiation.Derivative;

/** ReLU: {@code f(x) = max(x, 0)}; {@code f′(0) = 0} (PyTorch's convention). */
public final class Relu extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "max(x, 0)";

    public Relu(ParameterValues values) {
        super("relu", values);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        return x.getValue() > 0 ? x : constant(x, 0);
    }

    @Override
    protected double valueFinite(double x) {
        return x > 0 ? x : 0.0;
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        return PolynomialLimits.limit(positive ? new double[] {0, 1} : new double[] {0}, order, positive);
    }
}
