package org.actlab.activation;

import org.hipparchus.analysis.differentiation.Derivative;

/**
 * GELU, tanh approximation (PyTorch's {@code approximate='tanh'}):
 * {@code f(x) = ½x(1 + tanh(z))}, {@code z = √(2/π)(x + 0.044715x³)}.
 * It is evaluated as the identical {@code x·σ(2z)} (since {@code ½(1 + tanh z) = σ(2z)}) with the
 * stable sigmoid: the tanh form's derivatives contain {@code 1 − tanh²z}, which cancels completely
 * once tanh saturates (|z| ≳ 18), while the sigmoid form keeps full relative accuracy there.
 */
public final class GeluTanh extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "x/2·(1 + tanh(√(2/π)·(x + 0.044715·x³)))";

    private static final double K = Math.sqrt(2 / Math.PI);
    private static final double C = 0.044715;
    /**
     * From |x| = 30 on, 2z ≥ 1970: σ(2z) rounds to 1, σ(−2z) and every derivative term underflow to 0, so
     * f is x or 0 with f′ = 1 or 0 and f″ = 0, exactly in double.
     */
    private static final double LINEAR_FROM = 30;

    public GeluTanh(ParameterValues values) {
        super("gelu-tanh", values);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        if (Math.abs(x.getValue()) >= LINEAR_FROM) {
            // σ(2z) is exactly 1 (x > 0) or underflows to 0 (x < 0) in double here, and so do its derivative
            // terms; through x³ (which overflows from 5.6e102) they would come out NaN
            return x.getValue() > 0 ? x : x.multiply(0);
        }
        T z = x.add(x.multiply(x).multiply(x).multiply(C)).multiply(K);
        return x.multiply(Logistic.sigmoid(z.multiply(2)));
    }

    @Override
    protected double valueFinite(double x) {
        double z = K * (x + C * x * x * x);
        return x * Logistic.sigmoid(2 * z);
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        return PolynomialLimits.limit(positive ? new double[] {0, 1} : new double[] {0}, order, positive);
    }
}
