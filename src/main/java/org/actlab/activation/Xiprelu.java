package org.actlab.activation;

import org.actlab.ActlabException;
import org.hipparchus.analysis.differentiation.Derivative;

/**
 * xIPReLU, the integral of a PReLU-shaped gradient:
 * {@code f(x) = α_p·x² + β·x} for {@code x > 0}, {@code α_n·x² + β·x} for {@code x ≤ 0}, with
 * {@code α_p = softplus(alpha_p_raw) > 0}, {@code α_n = softplus(alpha_n_raw) > 0}.
 */
public final class Xiprelu extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "α_p·x² + β·x if x > 0, α_n·x² + β·x if x ≤ 0";

    public Xiprelu(ParameterValues values) {
        super("xiprelu", values);
        for (String k : new String[] {"alpha_p", "alpha_n"}) {
            if (!(values.get(k) > 0)) {
                throw new ActlabException("xiprelu: " + k + " must be > 0, got " + values.get(k)
                        + " (or give " + k + "_raw, with " + k + " = softplus(" + k + "_raw))");
            }
        }
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        T alpha = x.getValue() > 0 ? q[0] : q[1];
        return alpha.multiply(x).add(q[2]).multiply(x);
    }

    @Override
    protected double valueFinite(double x) {
        double alpha = x > 0 ? p[0] : p[1];
        return (alpha * x + p[2]) * x;
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        return PolynomialLimits.limit(new double[] {0, p[2], positive ? p[0] : p[1]}, order, positive);
    }
}
