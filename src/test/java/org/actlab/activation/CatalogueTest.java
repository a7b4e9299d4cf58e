package org.actlab.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.ActlabException;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/** Properties every scalar catalogue entry must have, checked entry by entry. */
class CatalogueTest {
    private static final double U = Math.ulp(1.0) / 2;

    static List<ScalarActivation> scalars() {
        List<ScalarActivation> out = new ArrayList<>();
        for (Catalogue.Entry e : Catalogue.entries()) {
            if (!e.vector()) {
                out.add((ScalarActivation) e.create(Map.of()));
            }
        }
        out.add(Catalogue.scalar("relu-power", Map.of("k", new double[] {5})));
        out.add(Catalogue.scalar("polyrelu", Map.of("coeffs", new double[] {0.3, -1, 0.5, 2, -0.25, 0.125})));
        return out;
    }

    /** Seeded points in [−8, 8] away from the breakpoint 0 and the xIELU clamp. */
    static double[] smoothPoints() {
        SplittableRandom random = new SplittableRandom(7);
        double[] xs = new double[400];
        for (int i = 0; i < xs.length; i++) {
            double x = random.nextDouble(0.01, 8);
            xs[i] = random.nextBoolean() ? x : -x;
        }
        return xs;
    }

    @Test
    void fastPathAgreesWithTheGenericFormula() {
        // Both paths evaluate the same expression; they may differ in the order of a few roundings,
        // each ≤ u relative to an intermediate bounded by |f| + |x f'| + |x² f''|: 16u of that.
        for (ScalarActivation f : scalars()) {
            for (double x : smoothPoints()) {
                double[] d = f.derivatives(x);
                DerivativeStructure ds = f.value(new DSFactory(1, 0).constant(x));
                double scale = Math.abs(d[0]) + Math.abs(x * d[1]) + Math.abs(x * x * d[2]);
                assertTrue(Math.abs(ds.getValue() - f.value(x)) <= 16 * U * scale, f.name() + " at " + x);
            }
        }
    }

    @Test
    void derivativesAgreeWithCentralDifferences() {
        // Central difference with h = 1e-4·max(1,|x|): truncation h²|f'''|/6 and rounding u|f|/h;
        // points are ≥ 0.01 from a breakpoint so the stencil never crosses one (h ≤ 8e-4 < 0.01).
        for (ScalarActivation f : scalars()) {
            for (double x : smoothPoints()) {
                double h = 1e-4 * Math.max(1, Math.abs(x));
                double[] d = f.derivatives(x);
                double fd1 = (f.value(x + h) - f.value(x - h)) / (2 * h);
                double fd2 = (f.derivative(x + h) - f.derivative(x - h)) / (2 * h);
                double tol1 = 1e-6 * (1 + Math.abs(d[1]) + Math.abs(d[0]) / Math.max(1, Math.abs(x)));
                double tol2 = 1e-6 * (1 + Math.abs(d[2]) + Math.abs(d[1]) / Math.max(1, Math.abs(x)));
                assertEquals(fd1, d[1], tol1, f.name() + " f' at " + x);
                assertEquals(fd2, d[2], tol2, f.name() + " f'' at " + x);
            }
        }
    }

    @Test
    void anyOrderThroughDerivativeStructure() {
        // xIELU's negative branch: f''' = α_n·eˣ exactly; the positive branch: f''' = 0.
        ScalarActivation f = Catalogue.scalar("xielu");
        DSFactory factory = new DSFactory(1, 4);
        DerivativeStructure neg = f.value(factory.variable(0, -1.3));
        assertEquals(0.8 * Math.exp(-1.3), neg.getPartialDerivative(3), 1e-15);
        assertEquals(0.8 * Math.exp(-1.3), neg.getPartialDerivative(4), 1e-15);
        DerivativeStructure pos = f.value(factory.variable(0, 2.0));
        assertEquals(0.0, pos.getPartialDerivative(3), 0.0);
        // GELU: f''' = φ(x)(x³ − 3x)... from x·Φ: f''' = 3φ'(x) + xφ''(x) = φ(x)(x³ − 3x − ... ) checked against differences
        ScalarActivation gelu = Catalogue.scalar("gelu");
        double x = 0.7;
        double h = 1e-4;
        double fd3 = (gelu.secondDerivative(x + h) - gelu.secondDerivative(x - h)) / (2 * h);
        assertEquals(fd3, gelu.value(factory.variable(0, x)).getPartialDerivative(3), 1e-7);
    }

    @Test
    void limitsAtInfinityMatchLargeArguments() {
        // At |x| = 1e4 every exponential in the catalogue has underflowed to 0 or overflowed, so the
        // value/derivatives are their asymptotic forms: finite limits agree to 1e-9 relative, infinite
        // ones have the right sign and are large.
        for (ScalarActivation f : scalars()) {
            for (double sign : new double[] {1, -1}) {
                double[] atInf = f.derivatives(sign * Double.POSITIVE_INFINITY);
                double[] atLarge = f.derivatives(sign * 1e4);
                assertEquals(f.value(sign * Double.POSITIVE_INFINITY), atInf[0], 0.0);
                for (int k = 0; k < 3; k++) {
                    String what = f.name() + " order " + k + " at " + (sign > 0 ? "+" : "-") + "inf";
                    if (Double.isInfinite(atInf[k])) {
                        assertEquals(Math.signum(atInf[k]), Math.signum(atLarge[k]), what);
                        assertTrue(Math.abs(atLarge[k]) >= 100, what + ": " + atLarge[k]);
                    } else {
                        assertEquals(atInf[k], atLarge[k], 1e-9 * Math.max(1, Math.abs(atInf[k])), what);
                    }
                }
            }
        }
    }

    @Test
    void nanGivesNan() {
        for (ScalarActivation f : scalars()) {
            assertTrue(Double.isNaN(f.value(Double.NaN)), f.name());
            for (double d : f.derivatives(Double.NaN)) {
                assertTrue(Double.isNaN(d), f.name());
            }
        }
    }

    @Test
    void effectiveParameterGradientsAgreeWithDifferences() {
        // Central differences in each parameter, h = 1e-6: truncation h²·|∂³f/∂θ³| ≤ 1e-12·x³-sized
        // terms, rounding u·|f|/h ≈ 1e-10·|f|; tolerance 1e-7·(1 + |f|).
        for (Catalogue.Entry e : Catalogue.entries()) {
            if (e.vector()) {
                continue;
            }
            ScalarActivation f = (ScalarActivation) e.create(Map.of());
            ParameterValues pv = f.parameters();
            List<String> names = pv.trainableNames();
            for (double x : new double[] {-2.3, -0.4, 0.6, 1.9}) {
                double[] grad = f.parameterGradient(x);
                assertEquals(names.size(), grad.length);
                for (int k = 0; k < names.size(); k++) {
                    double fd = parameterDifference(e, pv, pv.trainableSlots()[k], x, 1e-6);
                    assertEquals(fd, grad[k], 1e-7 * (1 + Math.abs(f.value(x))), e.name() + " d/d" + names.get(k) + " at " + x);
                }
            }
        }
    }

    private static double parameterDifference(Catalogue.Entry e, ParameterValues pv, int slot, double x, double h) {
        double[] plus = pv.values();
        double[] minus = pv.values();
        plus[slot] += h;
        minus[slot] -= h;
        return (valueWithSlots(e, pv, plus, x) - valueWithSlots(e, pv, minus, x)) / (2 * h);
    }

    private static double valueWithSlots(Catalogue.Entry e, ParameterValues pv, double[] slots, double x) {
        Map<String, double[]> given = new java.util.LinkedHashMap<>();
        int i = 0;
        for (Parameter p : pv.specs()) {
            int len = pv.list(p.name()).length;
            given.put(p.name(), java.util.Arrays.copyOfRange(slots, i, i + len));
            i += len;
        }
        return ((ScalarActivation) e.create(given)).value(x);
    }

    @Test
    void xieluParameterGradientIsTheClosedForm() {
        ScalarActivation f = Catalogue.scalar("xielu");
        // ∂f/∂(α_p, α_n, β) = (x², 0, x) for x > 0 and (0, eˣ − 1 − x, x) for x ≤ 0
        double[] pos = f.parameterGradient(1.5);
        assertEquals(2.25, pos[0], 0.0);
        assertEquals(0.0, pos[1], 0.0);
        assertEquals(1.5, pos[2], 0.0);
        double[] neg = f.parameterGradient(-1.5);
        assertEquals(0.0, neg[0], 0.0);
        assertEquals(Math.expm1(-1.5) + 1.5, neg[1], 1e-16);
        assertEquals(-1.5, neg[2], 0.0);
    }

    @Test
    void rawParameterGradientHoldsRawValuesFixed() {
        // In the raw parameterisation α_n = β + softplus(n): moving β with n fixed moves α_n too.
        double h = 1e-6;
        for (double[] raw : new double[][] {{0.3, -1.2, 0.5}, {25, 22, -0.3}, {-4, 0.1, 1.5}}) {
            ScalarActivation f = xieluRaw(raw[0], raw[1], raw[2]);
            assertEquals(List.of("alpha_p_raw", "alpha_n_raw", "beta"), f.parameters().rawTrainableNames());
            for (double x : new double[] {-3.0, -0.2, 0.4, 2.0}) {
                double[] g = f.rawParameterGradient(x);
                for (int k = 0; k < 3; k++) {
                    double[] plus = raw.clone();
                    double[] minus = raw.clone();
                    plus[k] += h;
                    minus[k] -= h;
                    double fd = (xieluRaw(plus[0], plus[1], plus[2]).value(x) - xieluRaw(minus[0], minus[1], minus[2]).value(x)) / (2 * h);
                    // same difference-quotient budget as above
                    assertEquals(fd, g[k], 1e-7 * (1 + Math.abs(f.value(x))), "raw " + k + " at x=" + x + " raw " + java.util.Arrays.toString(raw));
                }
            }
        }
    }

    private static ScalarActivation xieluRaw(double p, double n, double beta) {
        return Catalogue.scalar("xielu", Map.of("alpha_p_raw", new double[] {p}, "alpha_n_raw", new double[] {n},
                "beta", new double[] {beta}));
    }

    @Test
    void rawAndEffectiveParametersDescribeTheSameFunction() {
        ScalarActivation byRaw = xieluRaw(Math.log(Math.expm1(0.8)), Math.log(Math.expm1(0.3)), 0.5);
        ScalarActivation byValue = Catalogue.scalar("xielu");
        // softplus(log(expm1(y))) = y up to two roundings of log1p/exp: 4 ulp
        assertEquals(0.8, byRaw.parameters().get("alpha_p"), 4 * Math.ulp(0.8));
        assertEquals(0.8, byRaw.parameters().get("alpha_n"), 4 * Math.ulp(0.8));
        for (double x : smoothPoints()) {
            assertEquals(byValue.value(x), byRaw.value(x), 1e-14 * (1 + Math.abs(x * x)));
        }
        assertEquals(Math.log(Math.expm1(0.8)), byValue.parameters().rawValues().get("alpha_p_raw"), 1e-15);
    }

    @Test
    void constraintsAndBadParametersAreUserErrors() {
        assertMessage("alpha_n must be > beta", () -> Catalogue.scalar("xielu", Map.of("alpha_n", new double[] {0.5})));
        assertMessage("alpha_p must be > 0", () -> Catalogue.scalar("xielu", Map.of("alpha_p", new double[] {0})));
        assertMessage("order must be ≥ 1", () -> Catalogue.scalar("polyrelu", Map.of("coeffs", new double[] {1})));
        assertMessage("order must be ≥ 1", () -> Catalogue.vector("polynorm", Map.of("coeffs", new double[] {1})));
        assertMessage("k must be an integer ≥ 1", () -> Catalogue.scalar("relu-power", Map.of("k", new double[] {0})));
        assertMessage("must be an integer", () -> Catalogue.scalar("relu-power", Map.of("k", new double[] {1.5})));
        assertMessage("unknown activation 'nope'", () -> Catalogue.scalar("nope"));
        assertMessage("unknown parameter 'gamma'", () -> Catalogue.scalar("xielu", Map.of("gamma", new double[] {1})));
        assertMessage("not both", () -> Catalogue.scalar("xielu", Map.of("alpha_p", new double[] {1},
                "alpha_p_raw", new double[] {1})));
        assertMessage("takes one number", () -> Catalogue.scalar("xielu", Map.of("beta", new double[] {1, 2})));
        assertMessage("must be finite", () -> Catalogue.scalar("xielu", Map.of("beta", new double[] {Double.NaN})));
        assertMessage("feature vectors", () -> Catalogue.scalar("polynorm"));
    }

    private static void assertMessage(String part, Runnable r) {
        ActlabException e = assertThrows(ActlabException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void breakpointConventions() {
        // PolyReLU: right derivative a_1, left 0, and at 0 itself 0 (relu'(0) = 0).
        ScalarActivation f = Catalogue.scalar("polyrelu", Map.of("coeffs", new double[] {0.5, 2, 1}));
        assertEquals(0.5, f.value(0.0), 0.0);
        assertEquals(0.0, f.derivative(0.0), 0.0);
        assertEquals(2.0, f.derivative(Double.MIN_VALUE), 0.0);
        assertEquals(0.0, f.derivative(-Double.MIN_VALUE), 0.0);
        assertEquals(0.0, Catalogue.scalar("relu").derivative(0.0), 0.0);
        // xIELU at 0: both sides give β, f'' from the x ≤ 0 piece is α_n
        ScalarActivation x = Catalogue.scalar("xielu");
        assertEquals(0.5, x.derivative(0.0), 0.0);
        assertEquals(0.8, x.secondDerivative(0.0), 0.0);
        assertEquals(1.6, x.secondDerivative(Double.MIN_VALUE), 0.0);
    }

    @Test
    void xieluNearItsMinimumKeepsFullAccuracy() {
        // f(x*) = −β + (β − α_n)x* at x* = ln(1 − β/α_n); terms of size ≈ 0.8, so 8u of them.
        ScalarActivation f = Catalogue.scalar("xielu");
        double xs = Math.log1p(-0.5 / 0.8);
        assertEquals(-0.5 + (0.5 - 0.8) * xs, f.value(xs), 8 * U * 1.0);
        assertEquals(0.0, f.derivative(xs), 8 * U * 1.3);
    }
}
