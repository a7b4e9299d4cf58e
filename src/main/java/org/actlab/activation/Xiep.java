package org.actlab.activation;

import org.actlab.ActlabException;
import org.hipparchus.analysis.differentiation.Derivative;

/**
 * xIEP, the integral of a PolyReLU-shaped gradient on the positive side with xIELU's negative side:
 * <pre>
 *   f(x) = α_p3·x³ + α_p2·x² + β·x       for x > 0
 *   f(x) = α_n·(eˣ − 1 − x) + β·x        for x ≤ 0
 * </pre>
 * with {@code α_p3, α_p2 = softplus(raw) > 0} and {@code α_n = β + softplus(alpha_n_raw) > β}.
 */
public final class Xiep extends ScalarActivation {
    public Xiep(ParameterValues values) {
        super("xiep", values);
        for (String k : new String[] {"alpha_p3", "alpha_p2"}) {
            if (!(values.get(k) > 0)) {
                throw new ActlabException("xiep: " + k + " must be > 0, got " + values.get(k)
                        + " (or give " + k + "_raw, with " + k + " = softplus(" + k + "_raw))");
            }
        }
        if (!(values.get("alpha_n") > values.get("beta"))) {
            throw new ActlabException("xiep: alpha_n must be > beta, got alpha_n = " + values.get("alpha_n")
                    + ", beta = " + values.get("beta") + " (or give alpha_n_raw, with alpha_n = beta + softplus(alpha_n_raw))");
        }
    }

    @Override
    public String formula() {
        return "α_p3·x³ + α_p2·x² + β·x if x > 0, α_n·(exp(x) − 1 − x) + β·x if x ≤ 0";
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        if (x.getValue() > 0) {
            return q[0].multiply(x).add(q[1]).multiply(x).add(q[3]).multiply(x);
        }
        return x.expm1().subtract(x).multiply(q[2]).add(q[3].multiply(x));
    }

    @Override
    protected double valueFinite(double x) {
        if (x > 0) {
            return ((p[0] * x + p[1]) * x + p[3]) * x;
        }
        return p[2] * (Math.expm1(x) - x) + p[3] * x;
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        if (positive) {
            return PolynomialLimits.limit(new double[] {0, p[3], p[1], p[0]}, order, true);
        }
        return PolynomialLimits.limit(new double[] {-p[2], p[3] - p[2]}, order, false);
    }
}
