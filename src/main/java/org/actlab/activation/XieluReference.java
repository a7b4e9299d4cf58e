package org.actlab.activation;

import org.actlab.ActlabException;
import org.hipparchus.analysis.differentiation.Derivative;

/**
 * xIELU with the reference implementation's semantics ({@code xielu-ref}): the negative branch is
 * {@code (expm1(min(x, eps)) − x)·α_n + β·x} with {@code eps = −1e-6}, so on {@code (eps, 0]} it
 * differs from the exact function ({@code f_ref(0) = α_n·expm1(eps) ≈ −8e-7}).
 *
 * <p>Derivatives are those automatic differentiation gives through {@code min}: for
 * {@code x < eps} the exact ones; for {@code eps < x ≤ 0} the clamped argument is constant, so
 * {@code f′ = β − α_n} and {@code f″ = 0}; at the tie {@code x = eps} PyTorch splits the gradient of
 * {@code minimum} evenly, which is modelled as {@code min = eps + (x − eps)/2} there.
 */
public final class XieluReference extends Xielu {
    /** The formula, with symbolic parameters. */
    public static final String FORMULA = "α_p·x·x + β·x if x > 0, (expm1(min(x, eps)) − x)·α_n + β·x if x ≤ 0";

    private static final int EPS = 3;

    public XieluReference(ParameterValues values) {
        super("xielu-ref", values);
        if (!(values.get("eps") <= 0)) {
            throw new ActlabException("xielu-ref: eps must be ≤ 0 (the reference uses −1e-6), got " + values.get("eps"));
        }
    }

    @Override
    public String formula() {
        return FORMULA;
    }

    @Override
    protected <T extends Derivative<T>> T formula(T x, T[] q) {
        if (x.getValue() > 0) {
            return q[ALPHA_P].multiply(x).multiply(x).add(q[BETA].multiply(x));
        }
        double eps = p[EPS];
        T clamped;
        if (x.getValue() < eps) {
            clamped = x;
        } else if (x.getValue() == eps) {
            clamped = x.add(eps).multiply(0.5);
        } else {
            clamped = constant(x, eps);
        }
        return clamped.expm1().subtract(x).multiply(q[ALPHA_N]).add(q[BETA].multiply(x));
    }

    @Override
    protected double valueFinite(double x) {
        // both branches and a select, as in Xielu (min(x, eps) ≤ eps ≤ 0 for every x)
        return Expm1.select(Expm1.notPositive(x), p[ALPHA_P] * x * x + p[BETA] * x,
                (Expm1.nonPositive(Math.min(x, p[EPS])) - x) * p[ALPHA_N] + p[BETA] * x);
    }
}
