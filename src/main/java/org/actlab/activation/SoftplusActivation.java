package org.actlab.activation;

import org.actlab.ActlabException;
import org.hipparchus.analysis.differentiation.Derivative;

/**
 * Softplus as {@code torch.nn.Softplus(beta, threshold)}: {@code f(x) = log(1 + e^(βx))/β} for
 * {@code βx ≤ threshold}, and {@code x} above it (PyTorch's defaults β = 1, threshold = 20; give
 * {@code threshold=1e308} for the exact function).
 */
public final class SoftplusActivation extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "log(1 + exp(β·x))/β if β·x ≤ threshold, else x";

    public SoftplusActivation(ParameterValues values) {
        super("softplus", values);
        if (!(values.get("beta") > 0)) {
            throw new ActlabException("softplus: beta must be > 0, got " + values.get("beta"));
        }
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        if (x.getValue() * p[0] > p[1]) {
            return x;
        }
        // log(1 + e^u) written so that no intermediate overflows: for u > 0 as u + log(1 + e^(−u)); the
        // direct form overflows in its derivatives (e^u squared) long before the value does
        // f^(k) = β^(k−1)·σ^(k−1)(βx), composed directly (β is fixed): through u = βx and a division by β the
        // chain rule forms β^k, which underflows for β = 1e-200 (and 1/β² overflows: NaN)
        double beta = p[0];
        double u = beta * x.getValue();
        double[] f = new double[x.getOrder() + 1];
        f[0] = valueFinite(x.getValue());
        if (f.length > 1) {
            double[] s = SpecialFunctions.sigmoidDerivatives(u, f.length - 2);
            double scale = 1;
            for (int k = 1; k < f.length; k++) {
                f[k] = scale * s[k - 1];
                scale *= beta;
            }
        }
        return x.compose(f);
    }

    @Override
    protected double valueFinite(double x) {
        double bx = p[0] * x;
        return bx > p[1] ? x : Math.log1p(Math.exp(bx)) / p[0];   // PyTorch's form (it cannot overflow below the threshold)
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        return PolynomialLimits.limit(positive ? new double[] {0, 1} : new double[] {0}, order, positive);
    }
}
