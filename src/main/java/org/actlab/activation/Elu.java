package org.actlab.activation;

import org.hipparchus.analysis.differentiation.Derivative;

/** ELU: {@code f(x) = x} for {@code x > 0}, {@code α(eˣ − 1)} for {@code x ≤ 0} (computed with expm1). */
public final class Elu extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "x if x > 0, α·(exp(x) − 1) if x ≤ 0";

    public Elu(ParameterValues values) {
        super("elu", values);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        return x.getValue() > 0 ? x : x.expm1().multiply(q[0]);
    }

    @Override
    protected double valueFinite(double x) {
        return x > 0 ? x : p[0] * Math.expm1(x);
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        if (positive) {
            return PolynomialLimits.limit(new double[] {0, 1}, order, true);
        }
        return order == 0 ? -p[0] : 0.0;
    }
}
