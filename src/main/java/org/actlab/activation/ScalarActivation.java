package org.actlab.activation;

import org.hipparchus.analysis.differentiation.Derivative;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.analysis.differentiation.UnivariateDerivative2;
import org.hipparchus.analysis.differentiation.UnivariateDifferentiableFunction;
import org.hipparchus.util.MathArrays;

/**
 * A scalar activation {@code f(x; θ)}.
 *
 * <p>Each subclass writes its formula <em>once</em>, generically over Hipparchus {@link Derivative}
 * ({@link #formula}), with both the input and the parameters as field elements. Every derivative
 * comes from that one formula by automatic differentiation, so value, derivatives of any order (as
 * {@link UnivariateDifferentiableFunction} with {@code DerivativeStructure}) and parameter gradients
 * (through {@link Gradient}) cannot disagree. Subclasses also give a plain {@code double} fast path
 * ({@link #valueFinite}), held to the generic formula by tests.
 *
 * <p>Non-finite inputs: NaN gives NaN; ±∞ gives the limit of the value or derivative, as stated by
 * {@link #limitAtInfinity} (which may itself be infinite).
 *
 * <p>At a breakpoint the value and derivatives are those of the piece that contains the point
 * (as the piece conditions are written, e.g. {@code x ≤ 0}); for ReLU-like kinks this is PyTorch's
 * convention ({@code relu′(0) = 0}).
 */
public abstract class ScalarActivation extends AbstractActivation implements UnivariateDifferentiableFunction {
    protected ScalarActivation(String name, ParameterValues parameters) {
        super(name, parameters);
    }

    /**
     * The formula, generically: {@code x} and the parameter slots {@code q} (same order as
     * {@link ParameterValues#slotNames()}) are field elements of the same structure.
     */
    protected abstract <T extends Derivative<T>> T formula(T x, T[] q);

    /** The fast double path for finite x; must agree with {@link #formula}. */
    protected abstract double valueFinite(double x);

    /**
     * {@code lim f^(order)(x)} as {@code x → +∞} (positive) or {@code −∞}, for orders 0, 1, 2;
     * {@code NaN} where no limit exists.
     */
    protected abstract double limitAtInfinity(int order, boolean positive);

    /** f(x). */
    @Override
    public final double value(double x) {
        if (Math.abs(x) <= Double.MAX_VALUE) {   // finite: one comparison on the scalar fast path (false for NaN)
            return valueFinite(x);
        }
        return Double.isNaN(x) ? Double.NaN : limitAtInfinity(0, x > 0);
    }

    /** f evaluated on a Hipparchus derivative type (any order, any number of free parameters). */
    @Override
    public final <T extends Derivative<T>> T value(T x) {
        T[] q = MathArrays.buildArray(x.getField(), p.length);
        for (int i = 0; i < p.length; i++) {
            q[i] = x.getField().getZero().add(p[i]);
        }
        return formula(x, q);
    }

    /**
     * f on a derivative type with the trainable parameters as field elements too ({@code trainable} in
     * the order of {@link ParameterValues#trainableNames()}; fixed parameters are constants): for
     * derivatives with respect to x and θ together, or any other arithmetic over the one formula.
     */
    public final <T extends Derivative<T>> T value(T x, T[] trainable) {
        int[] slots = parameters().trainableSlots();
        if (trainable.length != slots.length) {
            throw new IllegalArgumentException(name() + " has " + slots.length + " trainable parameters, got " + trainable.length);
        }
        T[] q = MathArrays.buildArray(x.getField(), p.length);
        for (int i = 0; i < p.length; i++) {
            q[i] = x.getField().getZero().add(p[i]);
        }
        for (int k = 0; k < slots.length; k++) {
            q[slots[k]] = trainable[k];
        }
        return formula(x, q);
    }

    /** f′(x), exact (automatic differentiation of the formula). */
    public final double derivative(double x) {
        return derivatives(x)[1];
    }

    /** f″(x), exact (automatic differentiation of the formula). */
    public final double secondDerivative(double x) {
        return derivatives(x)[2];
    }

    /** {@code [f(x), f′(x), f″(x)]}. */
    public final double[] derivatives(double x) {
        if (Double.isNaN(x)) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        if (Double.isInfinite(x)) {
            boolean pos = x > 0;
            return new double[] {limitAtInfinity(0, pos), limitAtInfinity(1, pos), limitAtInfinity(2, pos)};
        }
        double[] direct = derivativesFinite(x);
        if (direct != null) {
            return direct;
        }
        UnivariateDerivative2 y = value(new UnivariateDerivative2(x, 1.0, 0.0));
        return new double[] {valueFinite(x), y.getFirstDerivative(), y.getSecondDerivative()};
    }

    /**
     * {@code [f, f′, f″]} at a finite x in closed form, for activations where automatic differentiation
     * cannot give them: where f′ overflows to ∞ but f″ is finite, the chain rule forms ∞·0 = NaN for f″.
     * {@code null} (the default) means: from the generic formula.
     */
    protected double[] derivativesFinite(double x) {
        return null;
    }

    /**
     * The gradient of f(x) with respect to the trainable parameters, in the order of
     * {@link ParameterValues#trainableNames()} (effective parameterisation: ∂f/∂α_p, …).
     */
    public final double[] parameterGradient(double x) {
        int[] slots = parameters().trainableSlots();
        int n = slots.length;
        if (n == 0) {
            return new double[0];
        }
        Gradient[] q = new Gradient[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = Gradient.constant(n, p[i]);
        }
        for (int k = 0; k < n; k++) {
            q[slots[k]] = Gradient.variable(n, k, p[slots[k]]);
        }
        return formula(Gradient.constant(n, x), q).getGradient();
    }

    /**
     * The gradient with respect to the raw trainable parameters, in the order of
     * {@link ParameterValues#rawTrainableNames()}: the chain rule through
     * {@code θ = offset + softplus(r)} applied to {@link #parameterGradient}.
     */
    public final double[] rawParameterGradient(double x) {
        return parameters().toRawGradient(parameterGradient(x));
    }

    @Override
    public String toString() {
        return name() + parameters().asMap().keySet();
    }

    // ---- small helpers shared by the formulas -------------------------------------------------

    /** A constant of the same structure as {@code like}. */
    protected static <T extends Derivative<T>> T constant(T like, double value) {
        return like.getField().getZero().add(value);
    }

    /** Horner evaluation of {@code Σ c_i x^i} with field coefficients {@code q[from … from+count−1]}. */
    protected static <T extends Derivative<T>> T horner(T x, T[] q, int from, int count) {
        T acc = q[from + count - 1];
        for (int i = count - 2; i >= 0; i--) {
            acc = acc.multiply(x).add(q[from + i]);
        }
        return acc;
    }
}
