package org.actlab.activation;

import org.hipparchus.analysis.differentiation.Derivative;

/**
 * GELU, erf form: {@code f(x) = x·Φ(x)} with the standard normal CDF
 * {@code Φ(x) = ½·erfc(−x/√2)}, computed by {@link NormalCdf} to full relative accuracy (within 2 ulps) also
 * for negative x, where PyTorch's {@code ½(1 + erf(x/√2))} cancels; both agree to the size of the terms.
 * Derivatives of Φ come from {@code Φ^(k+1)(x) = (−1)^k He_k(x)·φ(x)} (Hermite polynomials).
 */
public final class Gelu extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "x·Φ(x),  Φ(x) = (1 + erf(x/√2))/2";

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    public Gelu(ParameterValues values) {
        super("gelu", values);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    /** Φ(x) and its derivatives up to {@code order}: {@code [Φ, φ, φ′, …]}. */
    static double[] normalCdfDerivatives(double x, int order) {
        double[] out = new double[order + 1];
        out[0] = NormalCdf.cdf(x);
        if (order == 0) {
            return out;
        }
        double phi = INV_SQRT_2PI * NormalCdf.gaussian(x);
        double hePrev = 0;   // He_{-1}
        double he = 1;       // He_0
        for (int k = 0; k < order; k++) {
            out[k + 1] = ((k % 2 == 0) ? 1 : -1) * he * phi;
            double next = x * he - k * hePrev;
            hePrev = he;
            he = next;
        }
        return out;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        return x.multiply(x.compose(normalCdfDerivatives(x.getValue(), x.getOrder())));
    }

    @Override
    protected double valueFinite(double x) {
        return x * NormalCdf.cdf(x);
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        return PolynomialLimits.limit(positive ? new double[] {0, 1} : new double[] {0}, order, positive);
    }
}
