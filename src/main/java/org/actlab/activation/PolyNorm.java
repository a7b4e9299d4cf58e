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

    @Override
    protected <T extends CalculusFieldElement<T>> T[] formula(T[] x, T[] q) {
        int d = x.length;
        T zero = x[0].getField().getZero();
        T[] y = newArray(x[0], d);
        for (int j = 0; j < d; j++) {
            y[j] = rms ? q[0] : q[0].divide(Math.sqrt(d));
        }
        T[] u = x.clone();
        for (int i = 1; i <= order; i++) {
            if (i > 1) {
                for (int j = 0; j < d; j++) {
                    u[j] = u[j].multiply(x[j]);
                }
            }
            T sumSq = zero;
            for (int j = 0; j < d; j++) {
                sumSq = sumSq.add(u[j].square());
            }
            T denom = rms ? sumSq.divide(d).add(eps()).sqrt() : sumSq.sqrt();
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
        double[] u = x.clone();
        for (int i = 1; i <= order; i++) {
            if (i > 1) {
                for (int j = 0; j < d; j++) {
                    u[j] *= x[j];
                }
            }
            double sumSq = 0;
            for (double v : u) {
                sumSq += v * v;
            }
            double denom = rms ? Math.sqrt(sumSq / d + eps()) : Math.sqrt(sumSq);
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
