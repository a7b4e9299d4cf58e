package org.actlab.activation;

import org.actlab.ActlabException;
import org.hipparchus.analysis.differentiation.Derivative;

/**
 * xIELU, the exact function of the paper (Huang 2024), the integral of an affine ELU gradient:
 * <pre>
 *   f(x) = α_p·x² + β·x                  for x > 0
 *   f(x) = α_n·(eˣ − 1 − x) + β·x        for x ≤ 0
 * </pre>
 * with {@code α_p > 0} and {@code α_n > β}. Raw parameters: {@code α_p = softplus(alpha_p_raw)},
 * {@code α_n = β + softplus(alpha_n_raw)}. See {@link XieluReference} for the reference code's
 * clamped variant.
 */
public class Xielu extends ScalarActivation {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "α_p·x² + β·x if x > 0, α_n·(exp(x) − 1 − x) + β·x if x ≤ 0";

    static final int ALPHA_P = 0;
    static final int ALPHA_N = 1;
    static final int BETA = 2;

    public Xielu(ParameterValues values) {
        this("xielu", values);
    }

    protected Xielu(String name, ParameterValues values) {
        super(name, values);
        checkXieluConstraints(name, values.get("alpha_p"), values.get("alpha_n"), values.get("beta"));
    }

    static void checkXieluConstraints(String name, double alphaP, double alphaN, double beta) {
        if (!(alphaP > 0)) {
            throw new ActlabException(name + ": alpha_p must be > 0, got " + alphaP
                    + " (or give alpha_p_raw, with alpha_p = softplus(alpha_p_raw))");
        }
        checkAlphaNAboveBeta(name, alphaN, beta);
    }

    /** The constraint of the ELU-integral branch, {@code α_n > β} (negative gradient flow). */
    static void checkAlphaNAboveBeta(String name, double alphaN, double beta) {
        if (!(alphaN > beta)) {
            throw new ActlabException(name + ": alpha_n must be > beta, got alpha_n = " + alphaN + ", beta = " + beta
                    + " (or give alpha_n_raw, with alpha_n = beta + softplus(alpha_n_raw))");
        }
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    /** The ELU-integral branch {@code α_n·(eˣ − 1 − x) + β·x} (shared with xIEP). */
    static <T extends Derivative<T>> T negativeBranch(T x, T alphaN, T beta) {
        return x.expm1().subtract(x).multiply(alphaN).add(beta.multiply(x));
    }

    /** The ELU-integral branch {@code α_n·(eˣ − 1 − x) + β·x} for doubles x ≤ 0. */
    static double negativeBranch(double x, double alphaN, double beta) {
        return alphaN * (Expm1.nonPositive(x) - x) + beta * x;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        if (x.getValue() > 0) {
            return q[ALPHA_P].multiply(x).add(q[BETA]).multiply(x);
        }
        return negativeBranch(x, q[ALPHA_N], q[BETA]);
    }

    @Override
    protected double valueFinite(double x) {
        // both branches, then a select: the sign of x is a coin toss for activations' inputs, and a mispredicted
        // branch costs more than the other branch's arithmetic
        long notPositive = Expm1.notPositive(x);
        return Expm1.select(notPositive, (p[ALPHA_P] * x + p[BETA]) * x,
                negativeBranch(Expm1.notPositivePart(x, notPositive), p[ALPHA_N], p[BETA]));
    }

    @Override
    protected double limitAtInfinity(int order, boolean positive) {
        if (positive) {
            return PolynomialLimits.limit(new double[] {0, p[BETA], p[ALPHA_P]}, order, true);
        }
        // f(x) ~ (β − α_n)·x − α_n as x → −∞
        return PolynomialLimits.limit(new double[] {-p[ALPHA_N], p[BETA] - p[ALPHA_N]}, order, false);
    }
}
