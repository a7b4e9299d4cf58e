package org.actlab.activation;

import org.actlab.ActlabException;
import org.actlab.polynomial.Polynomial;
import org.hipparchus.analysis.differentiation.Derivative;

/**
 * PolyReLU of order r (PolyCom type I with ρ = ReLU): {@code f(x) = Σ_{i=0}^{r} a_i·max(x, 0)^i},
 * coefficients ascending {@code [a_0, …, a_r]} (with {@code max(x,0)^0 = 1}). So
 * {@code f(x) = a_0} for {@code x ≤ 0} and a polynomial for {@code x > 0}. The reference code stores
 * {@code weight = [a_r, …, a_1]} and {@code bias = a_0} (reversed). Right derivative at 0 is
 * {@code a_1}, left derivative 0; at 0 itself the derivative is 0 (PyTorch's {@code relu′(0) = 0}).
 */
public final class PolyRelu extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "Σ_{i=0}^{r} a_i·max(x, 0)^i";
    private final int order;

    public PolyRelu(ParameterValues values) {
        super("polyrelu", values);
        this.order = checkOrder("polyrelu", values.list("coeffs"));
    }

    static int checkOrder(String name, double[] coeffs) {
        if (coeffs.length < 2) {
            throw new ActlabException(name + ": order must be ≥ 1, i.e. give at least two coefficients coeffs=a0,a1[,…,ar] (got "
                    + coeffs.length + ")");
        }
        if (coeffs.length > 65) {
            throw new ActlabException(name + ": order must be ≤ 64, got " + (coeffs.length - 1));
        }
        return coeffs.length - 1;
    }

    /** The order r. */
    public int order() {
        return order;
    }

    @Override
    public String formula() {
        return "Σ_{i=0}^{" + order + "} a_i·max(x, 0)^i";
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        return x.getValue() > 0 ? horner(x, q, 0, order + 1) : q[0];
    }

    @Override
    protected double valueFinite(double x) {
        // Branch-free: Horner's rule at r = 0 returns a_0 exactly (every product is 0), so evaluating
        // at r = max(x, 0) equals the two-piece definition without a mispredicted branch per point.
        return Polynomial.horner(p, Math.max(x, 0.0));
    }

    @Override
    protected double[] derivativesFinite(double x) {
        if (!(x > 0)) {
            return new double[] {p[0], 0.0, 0.0};
        }
        double[] d = PolynomialLimits.valueAndDerivatives(p, x);
        d[0] = valueFinite(x);   // the value exactly as the fast path computes it
        return d;
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        return PolynomialLimits.limit(positive ? p : new double[] {p[0]}, order, positive);
    }
}
