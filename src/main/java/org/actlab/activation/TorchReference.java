package org.actlab.activation;

import org.hipparchus.special.Erf;

/**
 * Independent float64 re-statements of the public reference implementations (PyTorch modules and
 * the papers' reference code), written from their source formulas, operation for operation, and
 * with their derivatives derived by hand (what autograd computes).
 *
 * <p>Each method returns {@code {f, f′, f″, s0, s1, s2}}: the value and two derivatives, and for each
 * the <em>term size</em> {@code s_k}, the sum of the absolute values of the terms that the
 * expression for that order adds or subtracts (for {@code 1 − t²} both 1 and t² count). Rounding
 * differences between two evaluations of the same expression are bounded by a few units of
 * roundoff times the term size, so comparisons are made relative to it.
 *
 * <p>Used by the reference-match claims and tests; never by the catalogue itself.
 */
public final class TorchReference {
    private TorchReference() {
    }

    public static double softplus(double r) {
        return r * 1.0 > 20 ? r : Math.log1p(Math.exp(r));
    }

    /**
     * The xIELU reference module: alpha_p = softplus(p), alpha_n = beta + softplus(n), and
     * {@code where(x > 0, alpha_p*x*x + beta*x, (expm1(min(x, eps)) - x)*alpha_n + beta*x)}.
     */
    public static double[] xieluRef(double x, double alphaP, double alphaN, double beta, double eps) {
        if (x > 0) {
            double a = alphaP * x * x;
            double b = beta * x;
            return new double[] {a + b, 2 * alphaP * x + beta, 2 * alphaP,
                Math.abs(a) + Math.abs(b), Math.abs(2 * alphaP * x) + Math.abs(beta), Math.abs(2 * alphaP)};
        }
        double m = Math.min(x, eps);
        double a = (Math.expm1(m) - x) * alphaN;
        double b = beta * x;
        // autograd through minimum: gradient to x where x < eps, half of it at the tie, none above
        double dm = x < eps ? 1 : (x == eps ? 0.5 : 0);
        double e = Math.exp(m) * dm;
        return new double[] {a + b, (e - 1) * alphaN + beta, e * dm * alphaN,
            Math.abs(Math.expm1(m) * alphaN) + Math.abs(x * alphaN) + Math.abs(b),
            Math.abs(e * alphaN) + Math.abs(alphaN) + Math.abs(beta), Math.abs(e * dm * alphaN)};
    }

    /** The exact xIELU of the paper, with hand-derived derivatives. */
    public static double[] xieluExact(double x, double alphaP, double alphaN, double beta) {
        // the exact function is the reference without its clamp: min(x, eps) = x for every x ≤ 0
        return xieluRef(x, alphaP, alphaN, beta, Double.POSITIVE_INFINITY);
    }

    /** torch.nn.functional.gelu (erf): {@code x * 0.5 * (1 + erf(x * M_SQRT1_2))}. */
    public static double[] gelu(double x) {
        double erf = Erf.erf(x * Math.sqrt(0.5));
        double cdf = 0.5 * (1 + erf);
        double pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
        double cdfSize = 0.5 * (1 + Math.abs(erf));
        return new double[] {x * cdf, cdf + x * pdf, pdf * (2 - x * x),
            Math.abs(x) * cdfSize, cdfSize + Math.abs(x * pdf), pdf * (2 + x * x)};
    }

    /** torch gelu(approximate='tanh') and its backward formula. */
    public static double[] geluTanh(double x) {
        double k = Math.sqrt(2 / Math.PI);
        double c = 0.044715;
        double t = Math.tanh(k * (x + c * x * x * x));
        double sech2 = 1 - t * t;
        double sech2Size = 1 + t * t;
        double dz = k * (1 + 3 * c * x * x);
        double dz2 = k * 6 * c * x;
        double d1 = 0.5 * (1 + t) + 0.5 * x * sech2 * dz;
        double d2 = sech2 * dz + 0.5 * x * (-2 * t * sech2 * dz * dz + sech2 * dz2);
        double ax = Math.abs(x);
        return new double[] {0.5 * x * (1 + t), d1, d2,
            0.5 * ax * (1 + Math.abs(t)),
            0.5 * (1 + Math.abs(t)) + 0.5 * ax * sech2Size * dz,
            sech2Size * dz + 0.5 * ax * (2 * Math.abs(t) * sech2Size * dz * dz + sech2Size * Math.abs(dz2))};
    }

    /** torch silu: {@code x * sigmoid(x)}. */
    public static double[] silu(double x) {
        double s = 1 / (1 + Math.exp(-x));
        double ax = Math.abs(x);
        return new double[] {x * s, s * (1 + x * (1 - s)), s * (1 - s) * (2 + x * (1 - 2 * s)),
            ax * s, s * (1 + ax * (1 + s)), s * (1 + s) * (2 + ax * (1 + 2 * s))};
    }

    /** torch elu(alpha). */
    public static double[] elu(double x, double alpha) {
        if (x > 0) {
            return new double[] {x, 1, 0, Math.abs(x), 1, 0};
        }
        double a = Math.abs(alpha);
        return new double[] {alpha * Math.expm1(x), alpha * Math.exp(x), alpha * Math.exp(x),
            a * Math.abs(Math.expm1(x)), a * Math.exp(x), a * Math.exp(x)};
    }

    /** torch softplus(beta, threshold). */
    public static double[] softplus(double x, double beta, double threshold) {
        if (x * beta > threshold) {
            return new double[] {x, 1, 0, Math.abs(x), 1, 0};
        }
        double z = Math.exp(beta * x);
        double s = z / (z + 1);
        double v = Math.log1p(z) / beta;
        return new double[] {v, s, beta * s * (1 - s), Math.abs(v), s, beta * s * (1 + s)};
    }

    /**
     * The PolyCom reference PolyReLU of order 3: {@code w[0]*relu(x)**3 + w[1]*relu(x)**2 + w[2]*relu(x) + bias},
     * weights stored reversed ({@code w = [a3, a2, a1]}, {@code bias = a0}).
     */
    public static double[] polyReluRef(double x, double[] weight, double bias) {
        double r = Math.max(x, 0);
        double t3 = weight[0] * r * r * r;
        double t2 = weight[1] * r * r;
        double t1 = weight[2] * r;
        double step = x > 0 ? 1 : 0; // relu'(0) = 0 in autograd
        double d1 = (3 * weight[0] * r * r + 2 * weight[1] * r + weight[2]) * step;
        double d2 = (6 * weight[0] * r + 2 * weight[1]) * step;
        double s1 = (Math.abs(3 * weight[0] * r * r) + Math.abs(2 * weight[1] * r) + Math.abs(weight[2])) * step;
        double s2 = (Math.abs(6 * weight[0] * r) + Math.abs(2 * weight[1])) * step;
        return new double[] {t3 + t2 + t1 + bias, d1, d2, Math.abs(t3) + Math.abs(t2) + Math.abs(t1) + Math.abs(bias), s1, s2};
    }

    /**
     * The PolyCom reference PolyNorm: {@code norm(u) = u * rsqrt(mean(u**2, -1) + eps)},
     * {@code w[0]*norm(x**3) + w[1]*norm(x**2) + w[2]*norm(x) + bias}, weights reversed.
     */
    public static double[] polyNormRef(double[] x, double[] weight, double bias, double eps) {
        int d = x.length;
        double[] out = new double[d];
        java.util.Arrays.fill(out, bias);
        for (int w = 0; w < weight.length; w++) {
            int power = weight.length - w;
            double[] u = new double[d];
            double mean = 0;
            for (int j = 0; j < d; j++) {
                u[j] = Math.pow(x[j], power);
                mean += u[j] * u[j];
            }
            mean /= d;
            double rsqrt = 1 / Math.sqrt(mean + eps);
            for (int j = 0; j < d; j++) {
                out[j] += weight[w] * (u[j] * rsqrt);
            }
        }
        return out;
    }
}
