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
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "α_p3·x³ + α_p2·x² + β·x if x > 0, α_n·(exp(x) − 1 − x) + β·x if x ≤ 0";

    public Xiep(ParameterValues values) {
        super("xiep", values);
        for (String k : new String[] {"alpha_p3", "alpha_p2"}) {
            if (!(values.get(k) > 0)) {
                throw new ActlabException("xiep: " + k + " must be > 0, got " + values.get(k)
                        + " (or give " + k + "_raw, with " + k + " = softplus(" + k + "_raw))");
            }
        }
        Xielu.checkAlphaNAboveBeta("xiep", values.get("alpha_n"), values.get("beta"));
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        if (x.getValue() > 0) {
            return q[0].multiply(x).add(q[1]).multiply(x).add(q[3]).multiply(x);
        }
        return Xielu.negativeBranch(x, q[2], q[3]);
    }

    @Override
    protected double valueFinite(double x) {
        long notPositive = Expm1.notPositive(x);   // both branches and a select, as in Xielu
        return Expm1.select(notPositive, ((p[0] * x + p[1]) * x + p[3]) * x,
                Xielu.negativeBranch(Expm1.notPositivePart(x, notPositive), p[2], p[3]));
    }

    @Override
    protected double[] derivativesFinite(double x) {
        if (!(x > 0)) {
            return null;
        }
        double[] d = PolynomialLimits.valueAndDerivatives(new double[] {0, p[3], p[1], p[0]}, x);
        d[0] = valueFinite(x);
        return d;
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        if (positive) {
            return PolynomialLimits.limit(new double[] {0, p[3], p[1], p[0]}, order, true);
        }
        return PolynomialLimits.limit(new double[] {-p[2], p[3] - p[2]}, order, false);
    }
}
