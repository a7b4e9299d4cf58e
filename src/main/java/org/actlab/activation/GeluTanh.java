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

    public GeluTanh(ParameterValues values) {
        super("gelu-tanh", values);
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        T z = x.add(x.pow(3).multiply(C)).multiply(K);
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
