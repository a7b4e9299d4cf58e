package org.actlab.activation;

import java.util.Arrays;

import org.hipparchus.analysis.differentiation.Derivative;
import org.hipparchus.special.Erf;

/**
 * Numerically stable special functions, each in a double and a generic {@link Derivative} version,
 * for code that actlab generates ({@code actlab derive --emit java}) and for the symbolic engine's
 * numeric evaluation. The generic versions compose the function's exact derivatives, so every
 * derivative order stays exact to rounding.
 */
public final class SpecialFunctions {
    private static final double PI2_6 = Math.PI * Math.PI / 6;
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private SpecialFunctions() {
    }

    /** {@code log(1 + eᵘ)} without overflow. */
    public static double softplus(double u) {
        return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
    }

    /** {@code log(1 + eᵘ)} on a derivative type, without overflow. */
    public static <T extends Derivative<T>> T softplus(T u) {
        return u.getValue() > 0 ? u.add(u.negate().exp().log1p()) : u.exp().log1p();
    }

    /** {@code log(cosh u)} without overflow. */
    public static double logcosh(double u) {
        double a = Math.abs(u);
        return a + Math.log1p(Math.exp(-2 * a)) - Math.log(2);
    }

    /** {@code log(cosh u)} on a derivative type, without overflow. */
    public static <T extends Derivative<T>> T logcosh(T u) {
        T a = u.getValue() < 0 ? u.negate() : u;
        return a.add(a.multiply(-2).exp().log1p()).subtract(Math.log(2));
    }

    /** {@code 1/(1 + e^(−u))} without overflow. */
    public static double sigmoid(double u) {
        return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    }

    /**
     * {@code 1/(1 + e^(−u))} on a derivative type, without overflow, its derivatives composed from
     * {@code σ^(k)(u) = 2^(−k−1)·tanh^(k)(u/2)} (k ≥ 1), so they keep full relative accuracy where the
     * direct chain rule cancels: σ″(u) = σ′(u)(1 − 2σ(u)) near u = 0, the tails.
     */
    public static <T extends Derivative<T>> T sigmoid(T u) {
        return u.compose(sigmoidDerivatives(u.getValue(), u.getOrder()));
    }

    /** {@code [σ(u), σ′(u), …, σ^(order)(u)]}, each to full relative accuracy. */
    static double[] sigmoidDerivatives(double u, int order) {
        double[] t = tanhDerivatives(0.5 * u, order);
        double[] f = new double[order + 1];
        f[0] = sigmoid(u);
        double scale = 0.25;   // 2^(−k−1) for k = 1
        for (int k = 1; k <= order; k++) {
            f[k] = scale * t[k];
            scale *= 0.5;
        }
        return f;
    }

    /** {@code sech²(u) = 1 − tanh²(u)}, as {@code 4e^(−2|u|)/(1 + e^(−2|u|))²} (no cancellation in the tails). */
    public static double sech2(double u) {
        double e = Math.exp(-2 * Math.abs(u));
        double d = 1 + e;
        return 4 * e / (d * d);
    }

    /** tanh on a derivative type, its derivatives composed from {@link #tanhDerivatives}. */
    public static <T extends Derivative<T>> T tanh(T u) {
        return u.compose(tanhDerivatives(u.getValue(), u.getOrder()));
    }

    /**
     * {@code [tanh u, tanh′ u, …]}: {@code tanh^(k) = sech²(u)·Q_k(tanh u)} with {@code Q_1 = 1} and
     * {@code Q_{k+1}(t) = −2t·Q_k(t) + (1 − t²)·Q_k′(t)}; sech² is computed directly, so the derivatives
     * keep full relative accuracy where 1 − tanh² would round to 0 (|u| from 18.4 on).
     */
    static double[] tanhDerivatives(double u, int order) {
        double[] f = new double[order + 1];
        double t = Math.tanh(u);
        f[0] = t;
        if (order == 0) {
            return f;
        }
        double s = sech2(u);
        double[] q = {1};   // Q_1, ascending coefficients in t
        for (int k = 1; k <= order; k++) {
            double acc = 0;
            for (int i = q.length - 1; i >= 0; i--) {
                acc = acc * t + q[i];
            }
            f[k] = s * acc;
            // Q_{k+1} = −2t·Q + (1 − t²)·Q′
            double[] next = new double[q.length + 1];
            for (int i = 0; i < q.length; i++) {
                next[i + 1] -= 2 * q[i];
                if (i >= 1) {
                    next[i - 1] += i * q[i];
                    next[i + 1] -= i * q[i];
                }
            }
            q = next;
        }
        return f;
    }

    /** Below this |u|, {@link #expm1MinusX} sums its Taylor series (above, {@code expm1(u) − u} loses at most 2 bits). */
    public static final double EXPM1_MINUS_X_SERIES_BELOW = 0.5;

    /** The series of {@link #expm1MinusX} runs over u^k/k! for k = 2 … this − 1. */
    public static final int EXPM1_MINUS_X_TERMS = 24;

    /** {@code eᵘ − 1 − u} without cancellation: its Taylor series for |u| &lt; ½, else {@code expm1(u) − u}. */
    public static double expm1MinusX(double u) {
        if (Math.abs(u) >= EXPM1_MINUS_X_SERIES_BELOW) {
            return Math.expm1(u) - u;
        }
        // Σ_{k≥2} u^k/k!: each term at most 2^-(k-2)/k! of the first, 20 terms reach double precision
        double term = 0.5 * u * u;
        double sum = term;
        for (int k = 3; k < EXPM1_MINUS_X_TERMS && term != 0; k++) {
            term *= u / k;
            sum += term;
        }
        return sum;
    }

    /**
     * {@code eᵘ − 1 − u} on a derivative type: its derivatives are {@code expm1(u)} and then
     * {@code eᵘ}, composed directly (the chain rule through {@code expm1(u) − u} would give
     * {@code eᵘ − 1}, which is 0 for |u| below 1e-16).
     */
    public static <T extends Derivative<T>> T expm1MinusX(T u) {
        double v = u.getValue();
        double[] f = new double[u.getOrder() + 1];
        f[0] = expm1MinusX(v);
        if (f.length > 1) {
            f[1] = Math.expm1(v);
        }
        for (int k = 2; k < f.length; k++) {
            f[k] = Math.exp(v);
        }
        return u.compose(f);
    }

    /**
     * erf to full relative accuracy: its Maclaurin series {@code (2/√π)·Σ (−1)ⁿ x^(2n+1)/(n!(2n+1))} for
     * |x| &lt; ½ (terms fall by at least 4 each step), Hipparchus' {@link Erf#erf} beyond. Hipparchus alone
     * computes x² first (erf(1e-300) comes out 0) and stops its series at a relative 1e-15.
     */
    public static double erf(double x) {
        if (!(Math.abs(x) < 0.5)) {
            return Erf.erf(x);
        }
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 40; n++) {
            term *= -x2 / n;
            double t = term / (2 * n + 1);
            sum += t;
            if (Math.abs(t) <= 1e-18 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /** erf on a derivative type: {@code erf^(k+1)(t) = (2/√π)·(−1)^k·H_k(t)·e^(−t²)}, H the Hermite polynomials. */
    public static <T extends Derivative<T>> T erf(T u) {
        double[] f = erfDerivatives(u.getValue(), u.getOrder(), 1);
        f[0] = erf(u.getValue());
        return u.compose(f);
    }

    /** erfc on a derivative type ({@code erfc′ = −erf′}). */
    public static <T extends Derivative<T>> T erfc(T u) {
        double[] f = erfDerivatives(u.getValue(), u.getOrder(), -1);
        f[0] = Erfc.erfc(u.getValue());
        return u.compose(f);
    }

    /** {@code sign·erf^(k)(t)} for k = 1 … order in slots 1 … order (slot 0 is left to the caller). */
    private static double[] erfDerivatives(double t, int order, int sign) {
        double[] f = new double[order + 1];
        double g = sign * TWO_OVER_SQRT_PI * Math.exp(-t * t);
        double hPrev = 0;
        double h = 1;
        for (int k = 0; k < order; k++) {
            f[k + 1] = ((k % 2 == 0) ? 1 : -1) * h * g;
            double next = 2 * t * h - 2 * k * hPrev;
            hPrev = h;
            h = next;
        }
        return f;
    }

    /**
     * The real dilogarithm {@code Li₂(z) = Σ zᵏ/k²} for {@code z ≤ 1} (NaN above 1). Hipparchus has
     * none: the argument is mapped into {@code [0, ½]} with the inversion, Landen and reflection
     * identities, where the series converges at least like 2^(−k).
     */
    public static double dilog(double z) {
        if (Double.isNaN(z) || z > 1) {
            return Double.NaN;
        }
        if (z == 1) {
            return PI2_6;
        }
        if (z < -1) {
            // Li₂(z) = −π²/6 − ½ ln²(−z) − Li₂(1/z)
            double l = Math.log(-z);
            return -PI2_6 - 0.5 * l * l - dilog(1 / z);
        }
        if (z < 0) {
            // Landen: Li₂(z) = −Li₂(z/(z−1)) − ½ ln²(1−z), with z/(z−1) ∈ (0, ½]
            double l = Math.log1p(-z);
            return -dilogSeries(z / (z - 1)) - 0.5 * l * l;
        }
        if (z <= 0.5) {
            return dilogSeries(z);
        }
        // reflection: Li₂(z) = π²/6 − ln z·ln(1−z) − Li₂(1−z)
        return PI2_6 - Math.log(z) * Math.log1p(-z) - dilogSeries(1 - z);
    }

    /** {@code Σ zᵏ/k²} for {@code 0 ≤ z ≤ ½}. */
    private static double dilogSeries(double z) {
        double sum = 0;
        double power = z;
        for (int k = 1; k < 200 && power != 0; k++) {
            double term = power / ((double) k * k);
            sum += term;
            if (term < 1e-18 * sum) {
                break;
            }
            power *= z;
        }
        return sum;
    }

    /**
     * Li₂ on a derivative type, orders up to 2: {@code Li₂′(z) = −ln(1−z)/z},
     * {@code Li₂″(z) = 1/(z(1−z)) + ln(1−z)/z²}.
     */
    public static <T extends Derivative<T>> T dilog(T u) {
        double z = u.getValue();
        if (u.getOrder() > 2) {
            throw new UnsupportedOperationException("dilog: derivatives above order 2");
        }
        double l = Math.log1p(-z);
        double d1 = z == 0 ? 1 : -l / z;
        double d2 = z == 0 ? 0.5 : 1 / (z * (1 - z)) + l / (z * z);
        return u.compose(Arrays.copyOf(new double[] {dilog(z), d1, d2}, u.getOrder() + 1));
    }

    /** max on a derivative type (the larger value's branch). */
    public static <T extends Derivative<T>> T max(T a, T b) {
        return a.getValue() >= b.getValue() ? a : b;
    }

    /** min on a derivative type (the smaller value's branch). */
    public static <T extends Derivative<T>> T min(T a, T b) {
        return a.getValue() <= b.getValue() ? a : b;
    }
}
