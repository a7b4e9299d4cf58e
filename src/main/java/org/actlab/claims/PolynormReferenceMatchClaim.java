package org.actlab.claims;

import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.activation.TorchReference;
import org.actlab.activation.VectorActivation;

/**
 * PolyCom's reference code against actlab: PolyNorm in its RMS form (weights stored reversed, eps in
 * the square root), PolyReLU's reversed weights, and the paper's L2 form as the RMS form over √d.
 */
public final class PolynormReferenceMatchClaim implements Claim {
    /** The seed of the feature vectors and the random coefficients. */
    static final long SEED = 2025;

    private static final double U = Math.ulp(1.0) / 2;
    private static final int[] DIMS = {8, 64, 1024};

    @Override
    public String id() {
        return "polycom.polynorm-reference-match";
    }

    @Override
    public String statement() {
        return "The PolyCom reference code computes PolyNorm(x) = w₀·norm(x³) + w₁·norm(x²) + w₂·norm(x) + bias with "
                + "norm(u) = u/sqrt(mean(u²) + 1e-6), w = [a₃, a₂, a₁], bias = a₀, and PolyReLU with the same reversed "
                + "weights; the paper's PolyNorm Σ a_i x^i/‖x^i‖₂ is that form without eps, divided by √d.";
    }

    @Override
    public String method() {
        return "Seeded N(0, 1.5²) feature vectors (seed 2025) of dimension 8, 64 and 1024, the reference initialisation "
                + "a = (0, 1/3, 1/3, 1/3) and a seeded random a: actlab's polynorm against a transcription of the "
                + "reference; polynorm-l2·√d against polynorm with eps = 0; polyrelu against the reference PolyReLU on "
                + "20 001 points of [−10, 10]. Tolerance (4d + 16)·u of the sum of |terms| for PolyNorm (a mean of d "
                + "squares rounds by at most d·u relative, the square root halves it, a few more operations follow), "
                + "1e-13 of the term size for PolyReLU (a handful of roundings).";
    }

    @Override
    public java.util.Map<String, Long> seeds() {
        return java.util.Map.of("feature vectors and random coefficients", SEED);
    }

    @Override
    public Outcome check() {
        long start = System.nanoTime();
        Measurements m = new Measurements();
        SplittableRandom random = new SplittableRandom(SEED);
        double[] reference = {0, 1.0 / 3, 1.0 / 3, 1.0 / 3};
        double[] drawn = {random.nextDouble(-1, 1), random.nextDouble(-1, 1), random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
        for (double[] a : new double[][] {reference, drawn}) {
            String label = a == reference ? "reference a" : "random a";
            VectorActivation rms = Catalogue.vector("polynorm", Map.of("coeffs", a));
            VectorActivation rmsNoEps = Catalogue.vector("polynorm", Map.of("coeffs", a, "eps", new double[] {0}));
            VectorActivation l2 = Catalogue.vector("polynorm-l2", Map.of("coeffs", a));
            double[] weight = {a[3], a[2], a[1]};
            for (int d : DIMS) {
                double[] x = new double[d];
                for (int j = 0; j < d; j++) {
                    x[j] = 1.5 * random.nextGaussian();
                }
                double[] got = rms.value(x);
                double[] ref = TorchReference.polyNormRef(x, weight, a[0], 1e-6);
                double[] paper = l2.value(x);
                double[] plain = rmsNoEps.value(x);
                double worstRef = 0;
                double worstL2 = 0;
                double[] norms = rms(x, a.length - 1);
                for (int j = 0; j < d; j++) {
                    double size = termSize(a, x, norms, j);
                    worstRef = Math.max(worstRef, Math.abs(got[j] - ref[j]) / size);
                    worstL2 = Math.max(worstL2, Math.abs(paper[j] * Math.sqrt(d) - plain[j]) / size);
                }
                double tol = (4 * d + 16) * U;
                m.atMost("polynorm vs reference, " + label + ", d = " + d + ": largest |difference| / term size", worstRef, tol,
                        "(4d + 16)·u");
                m.atMost("polynorm-l2·√d vs polynorm(eps = 0), " + label + ", d = " + d, worstL2, tol, "(4d + 16)·u");
            }
            ScalarActivation relu = Catalogue.scalar("polyrelu", Map.of("coeffs", a));
            double worst = 0;
            for (int i = 0; i <= 20_000; i++) {
                double x = -10 + 20.0 * i / 20_000 + 1e-3 / Math.PI;
                double[] r = TorchReference.polyReluRef(x, weight, a[0]);
                double[] g = relu.derivatives(x);
                for (int k = 0; k < 3; k++) {
                    if (g[k] != r[k]) {
                        worst = Math.max(worst, Math.abs(g[k] - r[k]) / r[3 + k]);
                    }
                }
            }
            m.atMost("polyrelu vs reference (weights reversed), " + label + ": largest |difference| / term size over f, f′, f″",
                    worst, 1e-13, "a handful of roundings");
        }
        double largest = m.all().stream().mapToDouble(Measurement::value).max().orElse(0);
        String summary = "PolyNorm (RMS, eps 1e-6) and PolyReLU match the reference code, weights reversed, for d = 8 … 1024; "
                + "the paper's L2 form is the RMS form/√d; largest relative difference "
                + String.format(java.util.Locale.ROOT, "%.1e", largest);
        return Outcome.of(id(), summary, m.all(), (System.nanoTime() - start) / 1e9);
    }

    /** |a₀| + Σ_i |a_i|·|x_j^i|/rms(x^i): the terms output j adds ({@code rms[i]} = rms(x^i)). */
    private static double termSize(double[] a, double[] x, double[] rms, int j) {
        double size = Math.abs(a[0]);
        for (int i = 1; i < a.length; i++) {
            size += Math.abs(a[i]) * Math.abs(Math.pow(x[j], i)) / rms[i];
        }
        return Math.max(size, Double.MIN_NORMAL);
    }

    /** sqrt(mean((x^i)²)) for i = 1 … order, the same for every output coordinate. */
    private static double[] rms(double[] x, int order) {
        double[] rms = new double[order + 1];
        for (int i = 1; i <= order; i++) {
            double mean = 0;
            for (double v : x) {
                mean += Math.pow(v, 2 * i);
            }
            rms[i] = Math.sqrt(mean / x.length);
        }
        return rms;
    }
}
