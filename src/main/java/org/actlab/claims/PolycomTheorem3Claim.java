package org.actlab.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.actlab.sobolev.LocalTaylorNetwork;
import org.actlab.sobolev.RateExperiment;
import org.actlab.sobolev.SobolevDefaults;

/**
 * PolyCom Theorem 3: PolyReLU networks of size O(ε^(−d/n)) approximate the unit ball of
 * W^{n,∞}([0,1]^d); ReLU networks need O(ε^(−d/n)·ln(1/ε)). Checked with the default set of
 * {@code actlab sobolev}.
 */
public final class PolycomTheorem3Claim implements Claim {
    /** ε per decade for d = 1 (the default set's, or one in the quick form). */
    private final int perDecade1;

    public PolycomTheorem3Claim() {
        this(SobolevDefaults.PER_DECADE);
    }

    private PolycomTheorem3Claim(int perDecade1) {
        this.perDecade1 = perDecade1;
    }

    /**
     * d = 1 at one ε per decade (four per case instead of seven; the d = 2 cases keep two, where one would leave
     * d = 2, n = 3 a single ReLU network and no ratio growth to fit).
     */
    @Override
    public Claim quick() {
        return new PolycomTheorem3Claim(1);
    }

    @Override
    public String shortened() {
        return perDecade1 == SobolevDefaults.PER_DECADE ? "" : "d = 1 at one ε per decade instead of " + SobolevDefaults.PER_DECADE;
    }

    @Override
    public String id() {
        return "polycom.theorem3";
    }

    @Override
    public String statement() {
        return "PolyReLU networks of size O(ε^(−d/n)) approximate every member of the unit ball of W^{n,∞}([0,1]^d) to ε "
                + "(the optimal rate); ReLU networks need O(ε^(−d/n)·ln(1/ε)) (Yarotsky 2017).";
    }

    @Override
    public String method() {
        return "Yarotsky's construction (partition of unity on N^d cells, local Taylor polynomials of degree n − 1, one "
                + "product chain per cell and term) built as PolyReLU networks (exact products) and ReLU networks (sawtooth "
                + "squares) for f = (x₁ + 0.7x₂)^n scaled to norm 0.9, d = 1 (n = 2, 3, 4) and d = 2 (n = 2, 3), "
                + (perDecade1 == SobolevDefaults.PER_DECADE ? "two ε per decade" : "one ε per decade for d = 1 and two for d = 2")
                + " over about three decades; sup error sampled on a non-dyadic grid (always below the construction's "
                + "bound). PASS when every PolyReLU slope of log(error) against log(parameters) is within 10 % of −n/d over "
                + "≥ 2 decades of error, every ReLU network needs more parameters than the PolyReLU one at the same ε, and "
                + "the ratio grows with ln(1/ε) (positive least-squares growth per decade; ReLU networks above "
                + LocalTaylorNetwork.maxEntries(LocalTaylorNetwork.Kind.RELU) / 1_000_000 + " million dense weights are not built, which limits d = 2 to ε ≥ 1e-2).";
    }

    @Override
    public Outcome check() {
        return check(s -> { });
    }

    @Override
    public Outcome check(java.util.function.Consumer<String> progress) {
        long start = System.nanoTime();
        Measurements m = new Measurements();
        List<String> slopes = new ArrayList<>();
        double minRatio = Double.POSITIVE_INFINITY;
        double maxRatio = 0;
        List<RateExperiment.Result> results = SobolevDefaults.run(perDecade1, SobolevDefaults.PER_DECADE, progress);
        for (RateExperiment.Result r : results) {
            String tag = "d = " + r.d() + ", n = " + r.n() + ": ";
            RateExperiment.Fit fit = r.fits().get(LocalTaylorNetwork.Kind.POLYRELU);
            double reference = -(double) r.n() / r.d();
            m.close(tag + "PolyReLU fitted slope", fit.slope(), reference, 0.1 * Math.abs(reference), "within 10 % of −n/d");
            m.that(tag + "decades of error spanned", fit.errorDecades(), "≥ 2", fit.errorDecades() >= 2);
            double lowest = Double.POSITIVE_INFINITY;
            for (double ratio : r.ratios()) {
                if (!Double.isNaN(ratio)) {
                    lowest = Math.min(lowest, ratio);
                    maxRatio = Math.max(maxRatio, ratio);
                }
            }
            minRatio = Math.min(minRatio, lowest);
            m.that(tag + "smallest ReLU/PolyReLU parameter ratio", lowest, "> 1", lowest > 1);
            double growth = r.ratioGrowthPerDecade();
            m.that(tag + "ratio growth per decade of ε", growth, "> 0 (grows with ln(1/ε))", growth > 0);
            slopes.add(String.format(Locale.ROOT, "%.2f (−n/d = %.2f)", fit.slope(), reference));
        }
        String summary = "PolyReLU slopes " + String.join(", ", slopes) + String.format(Locale.ROOT,
                "; ReLU needs %.1f–%.0f× the parameters, the ratio growing with ln(1/ε)", minRatio, maxRatio);
        return Outcome.of(id(), summary, m.all(), (System.nanoTime() - start) / 1e9).withEvidence(results);
    }
}
