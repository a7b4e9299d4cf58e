package org.actlab.claims;

import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.io.Numbers;

/**
 * PolyCom Lemma 1 (special cases), checked on the numeric catalogue: ReLU and ReLU² are PolyReLU
 * with a = (0, 1) and a = (0, 0, 1), and a polynomial of degree ≤ r is the sum of two PolyReLU
 * units, one on x and one on −x.
 */
public final class PolycomLemma1Claim implements Claim {
    private static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;
    private static final long SEED = 20241106L;

    @Override
    public String id() {
        return "polycom.lemma1";
    }

    @Override
    public String statement() {
        return "ReLU, ReLU² and polynomial activations are special cases of PolyReLU: ReLU = PolyReLU(0, 1), "
                + "ReLU² = PolyReLU(0, 0, 1), and p(x) = Σ c_i x^i of degree ≤ r equals PolyReLU_c(x) + "
                + "PolyReLU_c'(−x) with c'_0 = 0, c'_i = (−1)^i c_i, since x^i = ReLU(x)^i + (−1)^i ReLU(−x)^i.";
    }

    @Override
    public String method() {
        return "Symbolically: both sides expanded on x ≤ 0 and x > 0 with symbolic coefficients (r = 6). Numerically: on 400001 non-dyadic points of [−10, 10] plus 0, ±min double, ±1e300 and ±∞: ReLU and ReLU² "
                + "must match bit for bit (same operations). For 20 seeded random polynomials of degree 1..6 on "
                + "[−2, 2], the two-unit sum against Horner's rule within 4r·u·Σ|c_i||x|^i (Higham's bound γ_2r "
                + "for each of the two Horner evaluations, u = 2^−53).";
    }

    @Override
    public java.util.Map<String, Long> seeds() {
        return java.util.Map.of("random polynomials and points", SEED);
    }

    @Override
    public Outcome check() {
        long start = System.nanoTime();
        Measurements m = new Measurements();
        ScalarActivation relu = Catalogue.scalar("relu");
        ScalarActivation relu2 = Catalogue.scalar("relu-power", Map.of("k", new double[] {2}));
        ScalarActivation polyReluAsRelu = Catalogue.scalar("polyrelu", Map.of("coeffs", new double[] {0, 1}));
        ScalarActivation polyReluAsRelu2 = Catalogue.scalar("polyrelu", Map.of("coeffs", new double[] {0, 0, 1}));

        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e300, -1e300,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int n = 400_001;
        long mismatchRelu = 0;
        long mismatchRelu2 = 0;
        for (int i = 0; i < n + special.length; i++) {
            double x = i < n ? -10 + 20.0 * i / (n - 1) + 1e-4 / Math.E : special[i - n];
            if (Double.compare(relu.value(x) + 0.0, polyReluAsRelu.value(x) + 0.0) != 0) {
                mismatchRelu++;
            }
            if (Double.compare(relu2.value(x) + 0.0, polyReluAsRelu2.value(x) + 0.0) != 0) {
                mismatchRelu2++;
            }
        }
        m.close("points where ReLU ≠ PolyReLU(0,1)", mismatchRelu, 0, 0, "bitwise");
        m.close("points where ReLU² ≠ PolyReLU(0,0,1)", mismatchRelu2, 0, 0, "bitwise");

        SplittableRandom random = new SplittableRandom(SEED);
        double worstRatio = 0;
        double worstAllowed = 0;
        for (int trial = 0; trial < 20; trial++) {
            int r = 1 + trial % 6;
            double[] c = new double[r + 1];
            double[] mirrored = new double[r + 1];
            for (int i = 0; i <= r; i++) {
                c[i] = random.nextDouble(-2, 2);
                mirrored[i] = i == 0 ? 0 : (i % 2 == 0 ? c[i] : -c[i]);
            }
            ScalarActivation onX = Catalogue.scalar("polyrelu", Map.of("coeffs", c));
            ScalarActivation onMinusX = Catalogue.scalar("polyrelu", Map.of("coeffs", mirrored));
            for (int k = 0; k < 4001; k++) {
                double x = -2 + 4.0 * k / 4000 + 1e-5 / Math.PI;
                double horner = 0;
                double magnitude = 0;
                for (int i = r; i >= 0; i--) {
                    horner = horner * x + c[i];
                    magnitude = magnitude * Math.abs(x) + Math.abs(c[i]);
                }
                double twoUnits = onX.value(x) + onMinusX.value(-x);
                double ratio = Math.abs(twoUnits - horner) / (UNIT_ROUNDOFF * magnitude);
                worstRatio = Math.max(worstRatio, ratio);
                worstAllowed = Math.max(worstAllowed, 4.0 * r);
            }
        }
        m.atMost("two-unit polynomial error / (u·Σ|c_i x^i|), worst", worstRatio, worstAllowed, "4r, r ≤ 6");
        String summary = "ReLU and ReLU² reproduced bit for bit on " + (n + special.length)
                + " points; polynomials of degree ≤ 6 as two units within " + Numbers.format(worstRatio)
                + "·u·Σ|c_i x^i|";
        // the same identities proved symbolically, coefficients as symbols (actlab expand --lemma1)
        java.util.List<String> proofs = new org.actlab.symbolic.PolyCom(org.actlab.symbolic.SymbolicEngine.standard()).lemma1(6);
        long proved = proofs.stream().filter(l -> l.startsWith("PASS")).count();
        m.that("identities proved symbolically (r = 6, symbolic c_i)", proved, "= " + proofs.size()
                + " (ReLU, ReLU², and p = PolyReLU_c(x) + PolyReLU_c'(−x) on x ≤ 0 and x > 0)", proved == proofs.size());
        return Outcome.of(id(), summary, m.all(), (System.nanoTime() - start) / 1e9);
    }
}
