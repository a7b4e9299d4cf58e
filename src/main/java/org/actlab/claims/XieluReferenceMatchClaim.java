package org.actlab.claims;

import java.util.Map;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.activation.TorchReference;

/**
 * xIELU's reference implementations against actlab: the reference-compatible variant {@code xielu-ref}
 * reproduces them, and the exact paper function differs from them only on the clamp (eps, 0].
 */
public final class XieluReferenceMatchClaim implements Claim {
    private static final double U = Math.ulp(1.0) / 2;
    /** Relative to the term size: see {@link #method()}. */
    static final double REL = 1e-13;
    private static final double EPS = -1e-6;

    @Override
    public String id() {
        return "xielu.reference-match";
    }

    @Override
    public String statement() {
        return "The public xIELU reference code computes α_p = softplus(p), α_n = β + softplus(n) (PyTorch softplus, "
                + "identity above 20) and f(x) = α_p x² + βx for x > 0, (expm1(min(x, eps)) − x)·α_n + βx for x ≤ 0, "
                + "eps = −1e-6; so it differs from the paper's function on (eps, 0] only, by at most α_n·|expm1(eps)|, "
                + "and its gradient there is β − α_n instead of about β.";
    }

    @Override
    public String method() {
        return "actlab's xielu-ref (raw parameters p = ln(e^0.8 − 1), n = ln(e^0.3 − 1), β = 0.5, and p = 25, n = −30, "
                + "β = −0.7 beyond the softplus threshold) against an operation-for-operation transcription of the reference "
                + "with autograd's derivatives, on 20 001 non-dyadic points of [−1000, 1000] plus 1 200 around the clamp and 0: "
                + "value, f′, f″ within 1e-13 of the sum of |terms| (a few dozen roundings of u = 1.1e-16 at most, plus "
                + "1–2 ulp of expm1/exp). Then the exact xielu against the same reference: equal (same tolerance) outside "
                + "(eps, 0]; inside, the largest difference must be α_n·|expm1(eps)| (at x = 0) within 8u relative.";
    }

    @Override
    public Outcome check() {
        long start = System.nanoTime();
        Measurements m = new Measurements();
        double[] xs = points();
        double[][] sets = {{Math.log(Math.expm1(0.8)), Math.log(Math.expm1(0.3)), 0.5}, {25, -30, -0.7}};
        for (double[] set : sets) {
            ScalarActivation f = Catalogue.scalar("xielu-ref", Map.of("alpha_p_raw", new double[] {set[0]},
                    "alpha_n_raw", new double[] {set[1]}, "beta", new double[] {set[2]}));
            double ap = TorchReference.softplus(set[0]);
            double an = set[2] + TorchReference.softplus(set[1]);
            double worst = 0;
            for (double x : xs) {
                double[] ref = TorchReference.xieluRef(x, ap, an, set[2], EPS);
                double[] got = f.derivatives(x);
                for (int k = 0; k < 3; k++) {
                    worst = Math.max(worst, relative(got[k], ref[k], ref[3 + k]));
                }
            }
            m.atMost("xielu-ref vs reference (p = " + set[0] + ", n = " + set[1] + ", β = " + set[2]
                    + "): largest |difference| / term size over f, f′, f″", worst, REL, "rounding only");
        }
        // the exact function against the reference at the defaults
        ScalarActivation exact = Catalogue.scalar("xielu");
        double ap = exact.parameters().get("alpha_p");
        double an = exact.parameters().get("alpha_n");
        double beta = exact.parameters().get("beta");
        double outside = 0;
        double inside = 0;
        for (double x : xs) {
            double[] ref = TorchReference.xieluRef(x, ap, an, beta, EPS);
            double v = exact.value(x);
            if (x > EPS && x <= 0) {
                inside = Math.max(inside, Math.abs(v - ref[0]));
            } else {
                outside = Math.max(outside, relative(v, ref[0], ref[3]));
            }
        }
        m.atMost("exact xielu vs reference outside (eps, 0]: largest |difference| / term size", outside, REL, "same function there");
        double expected = an * Math.abs(Math.expm1(EPS));
        m.close("exact xielu vs reference on (eps, 0]: largest |difference|", inside, expected, 8 * U * expected,
                "α_n·|expm1(eps)| at x = 0");
        ScalarActivation ref = Catalogue.scalar("xielu-ref");
        m.close("reference f′ on (eps, 0] (at x = −5e-7)", ref.derivative(-5e-7), beta - an, 4 * U, "β − α_n = −0.3");
        m.close("exact f′(0)", exact.derivative(0.0), beta, 0, "β = 0.5");
        String summary = "xielu-ref matches the reference to " + String.format(java.util.Locale.ROOT, "%.1e", m.all().get(0).value())
                + " of term size; the exact function differs only on (−1e-6, 0], by at most "
                + String.format(java.util.Locale.ROOT, "%.3e", inside) + " = α_n·|expm1(eps)|";
        return Outcome.of(id(), summary, m.all(), (System.nanoTime() - start) / 1e9);
    }

    private static double relative(double got, double ref, double size) {
        if (got == ref) {
            return 0;
        }
        // below MIN_NORMAL there is no relative precision: count such differences against the floor
        return Math.abs(got - ref) / Math.max(size, 1e6 * Double.MIN_NORMAL / REL);
    }

    /** −1000…1000 on a non-dyadic grid, plus the neighbourhood of the clamp and of 0. */
    static double[] points() {
        int n = 20_001;
        double[] xs = new double[n + 1200];
        for (int i = 0; i < n; i++) {
            xs[i] = -1000 + 2000.0 * i / (n - 1) + 1e-3 / Math.PI;
        }
        int k = n;
        for (int j = -200; j < 200; j++) {
            xs[k++] = EPS * (1 + j * 1e-3);
            xs[k++] = EPS + j * Math.ulp(EPS);
            xs[k++] = j * 1e-9;
        }
        return xs;
    }
}
