package org.actlab.activation;

import org.hipparchus.analysis.differentiation.Derivative;

/**
 * IELU, the integral of ELU from 0: {@code f(x) = x²/2} for {@code x > 0},
 * {@code α(eˣ − 1 − x)} for {@code x ≤ 0}, so {@code f′ = ELU}.
 */
public final class Ielu extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "x²/2 if x > 0, α·(exp(x) − 1 − x) if x ≤ 0";

    public Ielu(ParameterValues values) {
        super("ielu", values);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        // x·(x/2) rather than x²/2: the derivative 2x of the square overflows at 1e308 where x itself does not;
        // eˣ − 1 − x by its own derivatives (f′ = α·expm1(x) stays exact next to 0)
        return x.getValue() > 0 ? x.multiply(x.multiply(0.5)) : SpecialFunctions.expm1MinusX(x).multiply(q[0]);
    }

    @Override
    protected double valueFinite(double x) {
        return x > 0 ? 0.5 * x * x : p[0] * SpecialFunctions.expm1MinusX(x);
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        if (positive) {
            return PolynomialLimits.limit(new double[] {0, 0, 0.5}, order, true);
        }
        // α(eˣ − 1 − x) behaves like −α − α·x
        return PolynomialLimits.limit(new double[] {-p[0], -p[0]}, order, false);
    }
}
