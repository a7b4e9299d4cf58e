package org.actlab.activation;

import org.hipparchus.analysis.differentiation.Derivative;

/**
 * LeakyReLU / PReLU: {@code f(x) = x} for {@code x > 0}, {@code a·x} for {@code x ≤ 0}. The slope is
 * a fixed hyperparameter for LeakyReLU ({@code negative_slope}, PyTorch default 0.01) and trainable
 * for PReLU ({@code a}, PyTorch's initial 0.25).
 */
public final class LeakyRelu extends ScalarActivation {
    private final String slopeName;

    public LeakyRelu(String name, String slopeName, ParameterValues values) {
        super(name, values);
        this.slopeName = slopeName;
    }

    /** The formula with the slope parameter named {@code slopeName}. */
    public static String formula(String slopeName) {
        return "x if x > 0, " + slopeName + "·x if x ≤ 0";
    }

    @Override
    public String formula() {
        return formula(slopeName);
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        return x.getValue() > 0 ? x : x.multiply(q[0]);
    }

    @Override
    protected double valueFinite(double x) {
        return x > 0 ? x : p[0] * x;
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        return PolynomialLimits.limit(new double[] {0, positive ? 1 : p[0]}, order, positive);
    }
}
