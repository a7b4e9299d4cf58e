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

    /** {@code 1/(1 + e^(−u))} on a derivative type, without overflow. */
    public static <T extends Derivative<T>> T sigmoid(T u) {
        return u.getValue() >= 0 ? u.negate().exp().add(1).reciprocal() : u.exp().divide(u.exp().add(1));
    }

    /** erf on a derivative type: {@code erf^(k+1)(t) = (2/√π)·(−1)^k·H_k(t)·e^(−t²)}, H the Hermite polynomials. */
    public static <T extends Derivative<T>> T erf(T u) {
        double[] f = erfDerivatives(u.getValue(), u.getOrder(), 1);
        f[0] = Erf.erf(u.getValue());
        return u.compose(f);
    }

    /** erfc on a derivative type ({@code erfc′ = −erf′}). */
    public static <T extends Derivative<T>> T erfc(T u) {
        double[] f = erfDerivatives(u.getValue(), u.getOrder(), -1);
        f[0] = Erf.erfc(u.getValue());
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
