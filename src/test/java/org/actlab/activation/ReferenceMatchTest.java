package org.actlab.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.junit.jupiter.api.Test;

/**
 * Holds the catalogue to the reference implementations ({@link TorchReference}) in float64 on
 * [−1000, 1000], around the xIELU clamp, and at cancellation-prone points.
 *
 * <p>Tolerance: 1e-13 × (sum of |terms|). Both sides evaluate the same mathematical expression with
 * a handful of correctly rounded operations in possibly different order; each rounding errs by at
 * most u = 1.1e-16 relative to an intermediate no larger than the term size, so a few dozen u of
 * the term size (≈ 4e-15) is the worst legitimate disagreement; 1e-13 leaves room for the libm
 * functions (exp, expm1, erf, tanh: ≤ 1–2 ulp each) and for erf versus erfc in GELU.
 */
class ReferenceMatchTest {
    private static final double REL = 1e-13;
    /**
     * Below 2.2e-308 (MIN_NORMAL) doubles have no relative precision, and an intermediate there may
     * be lost entirely: torch's {@code 1/(1 + e^(−x))} gives exactly 0 once e^(−x) overflows (x &lt; −709),
     * where the true sigmoid is e^x. Such an absolute error (&lt; MIN_NORMAL) is multiplied by at most
     * |x|² ≤ 1e6 on [−1000, 1000], so results may differ by up to 1e6 × MIN_NORMAL ≈ 2.2e-302.
     */
    private static final double SUBNORMAL_FLOOR = 1e6 * Double.MIN_NORMAL;

    /** −1000…1000 on a non-dyadic grid, plus the neighbourhood of 0, the clamp and the minimum. */
    static double[] points() {
        List<Double> xs = new ArrayList<>();
        int n = 200_001;
        for (int i = 0; i < n; i++) {
            xs.add(-1000 + 2000.0 * i / (n - 1) + 1e-3 / Math.PI);
        }
        double eps = -1e-6;
        for (int k = -200; k <= 200; k++) {
            xs.add(eps * (1 + k * 1e-3));
            xs.add(eps + k * Math.ulp(eps));
            xs.add(k * 1e-9);
            xs.add(k * 1e-300);
        }
        double[] special = {0.0, -0.0, eps, Double.MIN_VALUE, -Double.MIN_VALUE, Math.log1p(-0.5 / 0.8), -1000, 1000,
            -745.2, -708, 20, 20.000001, 19.999999, -37, 37};
        for (double s : special) {
            xs.add(s);
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void assertMatches(String what, ScalarActivation f, DoubleFunction<double[]> reference) {
        for (double x : points()) {
            double[] ref = reference.apply(x);
            double[] got = f.derivatives(x);
            for (int k = 0; k < 3; k++) {
                double tol = REL * ref[3 + k] + SUBNORMAL_FLOOR;
                double diff = Math.abs(got[k] - ref[k]);
                if (!(diff <= tol) && !(got[k] == ref[k])) {
                    throw new AssertionError(what + " order " + k + " at x=" + x + ": catalogue " + got[k]
                            + ", reference " + ref[k] + ", |diff| " + diff + " > " + tol + " = 1e-13 × term size");
                }
            }
        }
    }

    @Test
    void xieluRefMatchesReferenceModuleWithRawParameters() {
        double p = Math.log(Math.expm1(0.8));
        double n = Math.log(Math.expm1(0.3));
        ScalarActivation f = Catalogue.scalar("xielu-ref", Map.of("alpha_p_raw", new double[] {p},
                "alpha_n_raw", new double[] {n}, "beta", new double[] {0.5}));
        double ap = TorchReference.softplus(p);
        double an = 0.5 + TorchReference.softplus(n);
        assertMatches("xielu-ref", f, x -> TorchReference.xieluRef(x, ap, an, 0.5, -1e-6));
    }

    @Test
    void xieluRefMatchesBeyondTheSoftplusThreshold() {
        ScalarActivation f = Catalogue.scalar("xielu-ref", Map.of("alpha_p_raw", new double[] {25},
                "alpha_n_raw", new double[] {-30}, "beta", new double[] {-0.7}));
        // raw 25 > 20: softplus returns it unchanged; raw −30: softplus ≈ e^−30
        assertEquals(25.0, f.parameters().get("alpha_p"), 0.0);
        assertEquals(-0.7 + Math.log1p(Math.exp(-30)), f.parameters().get("alpha_n"), 0.0);
        assertMatches("xielu-ref(raw 25, −30)", f, x -> TorchReference.xieluRef(x, 25, -0.7 + Math.log1p(Math.exp(-30)), -0.7, -1e-6));
    }

    @Test
    void xieluRefAtTheClampIsWhatAutogradGives() {
        ScalarActivation f = Catalogue.scalar("xielu-ref");
        double an = 0.8;
        double beta = 0.5;
        // f_ref(0) = α_n·expm1(−1e-6) ≈ −8e-7, and f′ = β − α_n on (eps, 0]
        assertEquals(an * Math.expm1(-1e-6), f.value(0.0), 0.0);
        assertEquals(beta - an, f.derivative(0.0), 1e-16);
        assertEquals(beta - an, f.derivative(-5e-7), 1e-16);
        assertEquals(0.0, f.secondDerivative(-5e-7), 0.0);
        // the tie x = eps: minimum's gradient is split in half
        assertEquals((0.5 * Math.exp(-1e-6) - 1) * an + beta, f.derivative(-1e-6), 1e-16);
        // below the clamp: exact derivative α_n(eˣ − 1) + β
        assertEquals(an * Math.expm1(-2e-6) + beta, f.derivative(-2e-6), 1e-16);
    }

    @Test
    void xieluExactMatchesPaperFormulaAtSeveralParameterSets() {
        double[][] sets = {{0.8, 0.8, 0.5}, {0.01, 3.0, 2.5}, {5.0, 0.2, -1.0}};
        for (double[] s : sets) {
            ScalarActivation f = Catalogue.scalar("xielu", Map.of("alpha_p", new double[] {s[0]},
                    "alpha_n", new double[] {s[1]}, "beta", new double[] {s[2]}));
            assertMatches("xielu" + java.util.Arrays.toString(s), f, x -> TorchReference.xieluExact(x, s[0], s[1], s[2]));
        }
    }

    @Test
    void xieluExactDiffersFromReferenceOnlyInsideTheClamp() {
        ScalarActivation exact = Catalogue.scalar("xielu");
        ScalarActivation ref = Catalogue.scalar("xielu-ref");
        for (double x : points()) {
            double a = exact.value(x);
            double b = ref.value(x);
            if (x < -1e-6 || x > 0) {
                assertTrue(Math.abs(a - b) <= REL * Math.max(1, Math.abs(a)), "x=" + x);
            } else {
                // inside (eps, 0]: |f_exact − f_ref| ≤ α_n·|expm1(eps)| + α_n·(eˣ−1−x) ≈ 8e-7
                assertTrue(Math.abs(a - b) <= 0.8 * 1.000001e-6, "x=" + x + " diff " + Math.abs(a - b));
            }
        }
    }

    @Test
    void geluSiluEluSoftplusMatchTorch() {
        assertMatches("gelu", Catalogue.scalar("gelu"), TorchReference::gelu);
        assertMatches("gelu-tanh", Catalogue.scalar("gelu-tanh"), TorchReference::geluTanh);
        assertMatches("silu", Catalogue.scalar("silu"), TorchReference::silu);
        assertMatches("elu", Catalogue.scalar("elu"), x -> TorchReference.elu(x, 1.0));
        assertMatches("elu(0.3)", Catalogue.scalar("elu", Map.of("alpha", new double[] {0.3})), x -> TorchReference.elu(x, 0.3));
        assertMatches("softplus", Catalogue.scalar("softplus"), x -> TorchReference.softplus(x, 1, 20));
        assertMatches("softplus(2, 10)", Catalogue.scalar("softplus", Map.of("beta", new double[] {2}, "threshold",
                new double[] {10})), x -> TorchReference.softplus(x, 2, 10));
    }

    @Test
    void polyReluMatchesReferenceWithReversedWeights() {
        double[] ascending = {0.1, -0.4, 0.7, 0.25};
        double[] weight = {ascending[3], ascending[2], ascending[1]};
        ScalarActivation f = Catalogue.scalar("polyrelu", Map.of("coeffs", ascending));
        assertMatches("polyrelu", f, x -> TorchReference.polyReluRef(x, weight, ascending[0]));
        ScalarActivation init = Catalogue.scalar("polyrelu");
        double third = 1.0 / 3;
        assertMatches("polyrelu init", init, x -> TorchReference.polyReluRef(x, new double[] {third, third, third}, 0));
    }
}
