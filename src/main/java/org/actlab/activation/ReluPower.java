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
        if (!(x.getValue() > 0)) {
            return constant(x, 0);
        }
        // the derivatives k!/(k−j)!·x^(k−j) composed directly: Hipparchus' pow(k) divides by x (∞ and NaN at
        // subnormal x), and a product chain forms x^k·0 where x^k overflows (NaN for f″ although it is finite)
        double v = x.getValue();
        double[] f = new double[x.getOrder() + 1];
        double falling = 1;
        for (int j = 0; j < f.length && j <= k; j++) {
            f[j] = falling * power(v, k - j);
            falling *= k - j;
        }
        return x.compose(f);
    }

    @Override
    protected double valueFinite(double x) {
        return x > 0 ? power(x, k) : 0.0;
    }

    @Override
    protected double[] derivativesFinite(double x) {
        // k·x^(k−1) overflows to ∞ before k(k−1)·x^(k−2) does: the closed forms, so f″ stays finite there
        return x > 0 ? new double[] {power(x, k), k * power(x, k - 1), k * (k - 1.0) * power(x, Math.max(0, k - 2)) * (k >= 2 ? 1 : 0)}
                : new double[] {0.0, 0.0, 0.0};
    }

    /** x^n by n − 1 products (x^0 = 1). */
    private static double power(double x, int n) {
        double r = 1;
        for (int i = 0; i < n; i++) {
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
