package org.actlab.activation;

import org.actlab.ActlabException;
import org.hipparchus.analysis.differentiation.Derivative;

/**
 * xSiLU (expanded gating range, Huang 2024): {@code f(x) = x·((1 + 2α)σ(x) − α)}, whose gate
 * ranges over {@code (−α, 1 + α)}.
 */
public final class XSilu extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "x·((1 + 2α)·σ(x) − α)";

    public XSilu(ParameterValues values) {
        super("xsilu", values);
        if (values.get("alpha") < 0) {
            throw new ActlabException("xsilu: alpha must be ≥ 0 (gate range (−α, 1+α)), got " + values.get("alpha"));
        }
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        T gate = Logistic.sigmoid(x).multiply(q[0].multiply(2).add(1)).subtract(q[0]);
        return x.multiply(gate);
    }

    @Override
    protected double valueFinite(double x) {
        double a = p[0];
        return x * ((1 + 2 * a) * Logistic.sigmoid(x) - a);
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        double slope = positive ? 1 + p[0] : -p[0];
        return PolynomialLimits.limit(new double[] {0, slope}, order, positive);
    }
}
