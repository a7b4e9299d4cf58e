package org.actlab.activation;

import org.hipparchus.analysis.differentiation.Derivative;

/** SiLU (Swish): {@code f(x) = x·σ(x)}, {@code σ(x) = 1/(1 + e^(−x))}. */
public final class Silu extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "x·σ(x)";

    public Silu(ParameterValues values) {
        super("silu", values);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        return x.multiply(Logistic.sigmoid(x));
    }

    @Override
    protected double valueFinite(double x) {
        return x * Logistic.sigmoid(x);
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        return PolynomialLimits.limit(positive ? new double[] {0, 1} : new double[] {0}, order, positive);
    }
}
