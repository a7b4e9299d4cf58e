package org.actlab.activation;

import org.actlab.ActlabException;
import org.hipparchus.CalculusFieldElement;

/**
 * PolyNorm (PolyCom type II with ρ a normalisation over the feature vector), in two named forms.
 *
 * <p><b>{@code polynorm}</b>, the reference code's RMS form:
 * <pre>
 *   norm(u) = u / sqrt(mean(u²) + eps)          (eps = 1e-6, mean over the d features)
 *   PolyNorm(x) = a_0 + Σ_{i=1}^{r} a_i·norm(x^i)
 * </pre>
 * where {@code x^i} is elementwise and {@code a_0} is a plain bias. The reference stores
 * {@code weight = [a_r, …, a_1]} and {@code bias = a_0}.
 *
 * <p><b>{@code polynorm-l2}</b>, the paper's form: {@code PolyNorm(x) = Σ_{i=0}^{r} a_i·x^i/‖x^i‖₂},
 * so the {@code i = 0} term is {@code a_0/√d} in every feature. It equals the RMS form with
 * {@code eps = 0} divided by {@code √d}. A term whose power vector is zero is taken as zero.
 *
 * <p>Both are evaluated on the row scaled by {@link #scale} (an identity), so that large and, without
 * eps, tiny inputs neither overflow nor underflow.
 */
public final class PolyNorm extends VectorActivation {
    /** The reference RMS form, with symbolic parameters. */
    public static final String RMS_FORMULA = "a_0 + Σ_{i=1}^{r} a_i·x^i/sqrt(mean((x^i)²) + eps)";
    /** The paper's L2 form, with symbolic parameters. */
    public static final String L2_FORMULA = "Σ_{i=0}^{r} a_i·x^i/‖x^i‖₂";
    private final boolean rms;
    private final int order;

    /**
     * @param rms {@code true} for the reference RMS form ({@code polynorm}), {@code false} for the
     *            paper's L2 form ({@code polynorm-l2})
     */
    public PolyNorm(boolean rms, ParameterValues values) {
        super(rms ? "polynorm" : "polynorm-l2", values);
        this.rms = rms;
        this.order = PolyRelu.checkOrder(name(), values.list("coeffs"));
        if (rms && !(values.get("eps") >= 0)) {
            throw new ActlabException("polynorm: eps must be ≥ 0 (the reference uses 1e-6), got " + values.get("eps"));
        }
    }

    /** The order r. */
    public int order() {
        return order;
    }

    @Override
    public String formula() {
        return rms ? "a_0 + Σ_{i=1}^{" + order + "} a_i·x^i/sqrt(mean((x^i)²) + eps)"
                : "Σ_{i=0}^{" + order + "} a_i·x^i/‖x^i‖₂";
    }

    @Override
    public int outputDimension(int n) {
        if (n < 1) {
            throw new ActlabException(name() + ": the input vector must have at least one feature");
        }
        return n;
    }

    private double eps() {
        return rms ? p[order + 1] : 0.0;
    }

    /**
     * The row's scale σ: the largest |x_j| where it exceeds 1 or where there is no eps, else 1 (and 1 for a
     * zero row). {@code x^i/sqrt(mean(x^{2i}) + eps) = t^i/sqrt(mean(t^{2i}) + eps·σ^{−2i})} with {@code t = x/σ}
     * holds for every σ &gt; 0; with this σ no power of t overflows (|t| ≤ 1 where σ &gt; 1) and, without eps,
     * none underflows to a zero norm either (max |t| = 1). Unscaled, x^{2i} overflows from |x| ≈ 1e77 for
     * r = 3 and the terms of order ≥ 2 vanish.
     */
    public static double scale(double[] x, double eps) {
        double s = 0;
        for (double v : x) {
            s = Math.max(s, Math.abs(v));
        }
        return s == 0 || !(s > 1 || eps == 0) || !Double.isFinite(s) ? 1 : s;
    }

    /** {@code eps·σ^(−2i)}, the eps of the scaled power i (0 without eps; σ^(−2i) ≤ 1 where σ &gt; 1). */
    private static double scaledEps(double eps, double sigma, int i) {
        return eps == 0 ? 0 : eps * Math.pow(sigma, -2.0 * i);
    }

    @Override
    protected <T extends CalculusFieldElement<T>> T[] formula(T[] x, T[] q) {
        int d = x.length;
        T zero = x[0].getField().getZero();
        T[] y = newArray(x[0], d);
        for (int j = 0; j < d; j++) {
            y[j] = rms ? q[0] : q[0].divide(Math.sqrt(d));
        }
        double[] real = new double[d];
        for (int j = 0; j < d; j++) {
            real[j] = x[j].getReal();
        }
        double sigma = scale(real, eps());
        T[] t = newArray(x[0], d);
        for (int j = 0; j < d; j++) {
            t[j] = x[j].divide(sigma);
        }
        T[] u = t.clone();
        for (int i = 1; i <= order; i++) {
            if (i > 1) {
                for (int j = 0; j < d; j++) {
                    u[j] = u[j].multiply(t[j]);
                }
            }
            T sumSq = zero;
            for (int j = 0; j < d; j++) {
                sumSq = sumSq.add(u[j].square());
            }
            T denom = rms ? sumSq.divide(d).add(scaledEps(eps(), sigma, i)).sqrt() : sumSq.sqrt();
            if (denom.getReal() == 0) {
                continue;
            }
            for (int j = 0; j < d; j++) {
                y[j] = y[j].add(q[i].multiply(u[j]).divide(denom));
            }
        }
        return y;
    }

    @Override
    protected double[] valueChecked(double[] x) {
        int d = x.length;
        double[] y = new double[d];
        java.util.Arrays.fill(y, rms ? p[0] : p[0] / Math.sqrt(d));
        double sigma = scale(x, eps());
        double[] t = new double[d];
        for (int j = 0; j < d; j++) {
            t[j] = x[j] / sigma;
        }
        double[] u = t.clone();
        for (int i = 1; i <= order; i++) {
            if (i > 1) {
                for (int j = 0; j < d; j++) {
                    u[j] *= t[j];
                }
            }
            double sumSq = 0;
            for (double v : u) {
                sumSq += v * v;
            }
            double denom = rms ? Math.sqrt(sumSq / d + scaledEps(eps(), sigma, i)) : Math.sqrt(sumSq);
            if (denom == 0) {
                continue;
            }
            double scale = p[i] / denom;
            for (int j = 0; j < d; j++) {
                y[j] += scale * u[j];
            }
        }
        return y;
    }
}
