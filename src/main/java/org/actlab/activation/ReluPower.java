package org.actlab.activation;

import org.actlab.ActlabException;
import org.hipparchus.analysis.differentiation.Derivative;

/** ReLU^k: {@code f(x) = max(x, 0)^k} for an integer {@code k ≥ 1} (ReLU² for k = 2). */
public final class ReluPower extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "max(x, 0)^k";
    private final int k;

    public ReluPower(ParameterValues values) {
        super("relu-power", values);
        double kk = values.get("k");
        if (kk < 1) {
            throw new ActlabException("relu-power: k must be an integer ≥ 1, got " + (long) kk);
        }
        if (kk > 64) {
            throw new ActlabException("relu-power: k must be at most 64, got " + (long) kk);
        }
        this.k = (int) kk;
    }

    @Override
    public String formula() {
        return "max(x, 0)^" + k;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        return x.getValue() > 0 ? x.pow(k) : constant(x, 0);
    }

    @Override
    protected double valueFinite(double x) {
        if (!(x > 0)) {
            return 0.0;
        }
        double r = x;
        for (int i = 1; i < k; i++) {
            r *= x;
        }
        return r;
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        double[] c = new double[k + 1];
        c[k] = 1;
        return PolynomialLimits.limit(positive ? c : new double[] {0}, order, positive);
    }
}
