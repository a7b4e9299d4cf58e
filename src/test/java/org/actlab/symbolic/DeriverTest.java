package org.actlab.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.actlab.ActlabException;
import org.actlab.symbolic.Derivation.LimitKind;
import org.actlab.symbolic.Derivation.Proof;
import org.actlab.symbolic.Derivation.StationaryKind;
import org.actlab.symbolic.print.DerivationText;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

class DeriverTest {
    private static final SymbolicEngine ENGINE = SymbolicEngine.standard();

    static Derivation derive(String gradient, String params, String assume) {
        return derive(gradient, params, assume, null);
    }

    static Derivation derive(String gradient, String params, String assume, String set) {
        GradientSpec spec = new SpecParser(ENGINE).parse(new SpecText("t", gradient, params, assume, null, set));
        return new Deriver(ENGINE).derive(spec);
    }

    private static Derivation named(String name) {
        SpecText t = NamedDerivations.get(name).text();
        return new Deriver(ENGINE).derive(new SpecParser(ENGINE).parse(t));
    }

    /** Symbolic equality: Simplify(a − b) = 0. */
    private static boolean same(IExpr a, IExpr b) {
        return ENGINE.eval("test", F.unaryAST1(S.Simplify, F.Subtract(a, b))).isZero();
    }

    private static IExpr parse(Derivation d, String text) {
        return ENGINE.eval("test", new ExpressionParser(d.spec().symbols(), true).parse(text));
    }

    @Test
    void xieluFactsOfThePaper() {
        Derivation d = named("xielu");
        assertTrue(d.closedForm());
        d.pieces().forEach(p -> assertEquals(Proof.PROVED, p.proof()));
        // the closed forms: α_n(eˣ − 1 − x) + βx for x ≤ 0, α_p x² + βx for x > 0
        assertTrue(same(d.pieces().get(0).activation(), parse(d, "alpha_n*(exp(x) - 1 - x) + beta*x")));
        assertTrue(same(d.pieces().get(1).activation(), parse(d, "alpha_p*x^2 + beta*x")));
        // C¹ not C² at 0, f'' jumps by 2α_p − α_n
        Derivation.Breakpoint b = d.breakpoints().get(0);
        assertEquals(1, b.smoothness());
        assertEquals(2, b.jumpOrder());
        assertTrue(same(b.jump(), parse(d, "2*alpha_p - alpha_n")));
        assertTrue(d.valueAtZero().isZero());
        assertTrue(same(d.slopeAtZero()[0], parse(d, "beta")) && same(d.slopeAtZero()[1], parse(d, "beta")));
        // f'(−∞) = β − α_n, f(±∞) = +∞
        assertEquals(LimitKind.FINITE, d.limits().dfMinus().kind());
        assertTrue(same(d.limits().dfMinus().value(), parse(d, "beta - alpha_n")));
        assertEquals(LimitKind.PLUS_INFINITY, d.limits().fMinus().kind());
        assertEquals(LimitKind.PLUS_INFINITY, d.limits().fPlus().kind());
        // asymptote (β − α_n)x − α_n at −∞
        Derivation.Asymptote a = d.asymptotes().get(0);
        assertTrue(same(a.slope(), parse(d, "beta - alpha_n")) && same(a.intercept(), parse(d, "-alpha_n")));
        // the global minimum at x* = ln(1 − β/α_n) with f(x*) = −β + (β − α_n)x*
        Derivation.StationaryPoint m = d.globalMinimum();
        assertEquals(StationaryKind.MINIMUM, m.kind());
        assertTrue(same(m.x(), parse(d, "log(1 - beta/alpha_n)")));
        assertTrue(same(m.value(), parse(d, "-beta + (beta - alpha_n)*log(1 - beta/alpha_n)")));
        String text = DerivationText.print(d);
        for (String fact : List.of("C¹, not C²", "jumps by 2·α_p - α_n", "f'(-inf) = β - α_n", "x* = ln(1 - β/α_n)",
                "f(x*) = (β - α_n)·x* - β", "f(x) ~ (β - α_n)·x - α_n", "f(0) = 0, f'(0) = β")) {
            assertTrue(text.contains(fact), fact + " in\n" + text);
        }
    }

    @Test
    void namedXieluAndTheTypedSpecGiveTheSameDerivation() {
        String typed = DerivationText.print(derive("x > 0 : 2*alpha_p*x + beta ; x <= 0 : alpha_n*(Exp(x) - 1) + beta",
                "alpha_p,alpha_n,beta", "alpha_p > 0, alpha_n > beta, beta > 0"));
        String named = DerivationText.print(named("xielu"));
        assertEquals(named.substring(named.indexOf('\n')), typed.substring(typed.indexOf('\n')));
    }

    /**
     * A spec outside the catalogue with three breakpoints of known smoothness:
     * g = x² (x < 0), x² + x³ (0 ≤ x ≤ 1), 2 (1 < x ≤ 3), 2 + (x − 3) e^{−x} (x > 3).
     * At 0 g, g′, g″ agree (0, 0, 2) and g‴ jumps 0 → 6: f ∈ C³, f⁽⁴⁾ jumps by 6.
     * At 1 g agrees (2) and g′ jumps 5 → 0: f ∈ C¹, f″ jumps by −5.
     * At 3 g agrees and g′ jumps 0 → e^{−3}: f ∈ C¹.
     */
    @Test
    void smoothnessAndValuesOfASpecOutsideTheCatalogue() {
        Derivation d = derive("x < 0 : x^2 ; x >= 0 && x <= 1 : x^2 + x^3 ; x > 1 && x <= 3 : 2 ; x > 3 : 2 + (x - 3)*exp(-x)", "", "");
        assertEquals(3, d.breakpoints().size());
        assertEquals(3, d.breakpoints().get(0).smoothness());
        assertEquals("6", d.breakpoints().get(0).jump().toString());
        assertEquals(1, d.breakpoints().get(1).smoothness());
        assertEquals("-5", d.breakpoints().get(1).jump().toString());
        assertEquals(1, d.breakpoints().get(2).smoothness());
        double[] xs = {-4.5, -1, -1e-3, 0, 0.3, 1, 1.7, 3, 3.25, 10, 40};
        List<DerivedFunction.Point> points = new DerivedFunction(d, ENGINE, new double[0]).evaluate(xs);
        // independent: ∫₀ˣ g by adaptive Gauss–Legendre on g written directly in Java (not parsed);
        // the quadrature is exact to ~1e-15 relative on these smooth pieces, the closed forms are
        // rounded once from 30 digits, so 1e-10 relative is a loose bound on both
        java.util.function.DoubleUnaryOperator g = t -> t < 0 ? t * t : t <= 1 ? t * t + t * t * t : t <= 3 ? 2 : 2 + (t - 3) * Math.exp(-t);
        for (DerivedFunction.Point p : points) {
            double expected = integral(g, 0, p.x(), new double[] {0, 1, 3});
            assertEquals(expected, p.y(), 1e-10 * Math.max(1e-300, Math.abs(expected)), "f(" + p.x() + ")");
            assertEquals(g.applyAsDouble(p.x()), p.dy(), 1e-15 * Math.abs(g.applyAsDouble(p.x())) + 1e-300, "f'(" + p.x() + ")");
        }
    }

    static double integral(java.util.function.DoubleUnaryOperator g, double from, double to, double[] breaks) {
        double sign = to >= from ? 1 : -1;
        double lo = Math.min(from, to);
        double hi = Math.max(from, to);
        java.util.List<Double> cuts = new java.util.ArrayList<>(List.of(lo));
        for (double b : breaks) {
            if (b > lo && b < hi) {
                cuts.add(b);
            }
        }
        cuts.add(hi);
        IterativeLegendreGaussIntegrator q = new IterativeLegendreGaussIntegrator(24, 1e-15, 1e-300);
        double s = 0;
        for (int i = 0; i + 1 < cuts.size(); i++) {
            double a = cuts.get(i);
            double b = cuts.get(i + 1);
            int n = (int) Math.max(1, Math.ceil(b - a));
            for (int k = 0; k < n; k++) {
                double u = a + (b - a) * k / n;
                double w = a + (b - a) * (k + 1) / n;
                if (w > u) {
                    s += q.integrate(Integer.MAX_VALUE, g::applyAsDouble, u, w);
                }
            }
        }
        return sign * s;
    }

    @Test
    void valuesNearTheAnchorKeepFullRelativeAccuracy() {
        // ∫₀ˣ (eᵗ − 1) = eˣ − 1 − x ≈ x²/2: evaluated from 30 digits, not by cancelling doubles
        Derivation d = derive("x <= 0 : exp(x) - 1 ; x > 0 : x", "", "");
        for (double x : new double[] {-1e-3, -1e-6, -1e-9}) {
            double y = new DerivedFunction(d, ENGINE, new double[0]).evaluate(new double[] {x}).get(0).y();
            double exact = 0;   // Σ_{k≥2} x^k/k!, smallest terms first (k ≤ 9 leaves < 1e-60 relative)
            for (int k = 9; k >= 2; k--) {
                exact += Math.pow(x, k) / org.hipparchus.util.CombinatoricsUtils.factorialDouble(k);
            }
            assertEquals(exact, y, 1e-15 * exact);
        }
    }

    @Test
    void integralsWithoutClosedFormFallBackToQuadratureAndSaySo() {
        // x^x has no elementary antiderivative
        Derivation d = derive("x <= 0 : 1 ; x > 0 : x^x", "", "");
        assertTrue(!d.closedForm());
        assertNull(d.pieces().get(1).activation());
        assertEquals(Proof.BY_CONSTRUCTION, d.pieces().get(1).proof());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("no closed-form antiderivative")));
        List<DerivedFunction.Point> p = new DerivedFunction(d, ENGINE, new double[0]).evaluate(new double[] {-2, 0.5, 2.5});
        assertTrue(p.get(1).numericIntegral());
        assertEquals(-2, p.get(0).y(), 1e-14);
        // independent: with t = u², ∫₀^2.5 tᵗ dt = ∫₀^√2.5 2u·(u²)^(u²) du, whose integrand is smooth at 0,
        // so plain iterative Gauss–Legendre reaches 1e-15; the derivation's adaptive quadrature is
        // held to 1e-12 relative (its own tolerance is 1e-14 per unit step)
        double expected = integral(u -> 2 * u * Math.pow(u * u, u * u), 0, Math.sqrt(2.5), new double[0]);
        assertEquals(expected, p.get(2).y(), 1e-12 * expected);
    }

    @Test
    void singularGradientsAndSpecialFunctions() {
        // ∫ log = x log x − x: the constant needs the one-sided limit at 0 (0·log 0), f'(0+) = −∞
        Derivation d = derive("x > 0 : log(x) ; x <= 0 : 0", "", "");
        assertTrue(d.slopeAtZero()[1].isNegativeInfinity());
        assertEquals(0, d.breakpoints().get(0).smoothness());
        double y = new DerivedFunction(d, ENGINE, new double[0]).evaluate(new double[] {0.5}).get(0).y();
        assertEquals(0.5 * Math.log(0.5) - 0.5, y, 2e-16);
        // ∫₀ˣ e^{t²} = √π·erfi(x)/2; independent: Σ x^{2k+1}/(k!(2k+1)), 60 terms (the tail is below 1e-40 at x = 2)
        Derivation e = derive("exp(x^2)", "", "");
        double series = 0;
        for (int k = 59; k >= 0; k--) {
            series += Math.pow(2, 2 * k + 1) / (org.hipparchus.util.CombinatoricsUtils.factorialDouble(k) * (2 * k + 1));
        }
        assertEquals(series, new DerivedFunction(e, ENGINE, new double[0]).evaluate(new double[] {2}).get(0).y(), 1e-14 * series);
    }

    @Test
    void stationaryPointsWithoutClosedFormAreLocatedNumerically() {
        // SiLU' = σ(x)(1 + x(1 − σ(x))) = 0 has no closed-form root; at the root 1 + x(1 − σ) = 0 gives
        // σ(x*) = 1 + 1/x*, so f(x*) = x*·σ(x*) = x* + 1 exactly: the located point must satisfy it to the
        // solver's 1e-15 (f' is O(1) there, so 4e-15 in x moves f by about as much)
        Derivation d = named("silu");
        Derivation.StationaryPoint m = d.globalMinimum();
        assertEquals(StationaryKind.MINIMUM, m.kind());
        double x = m.x().evalDouble();
        assertEquals(-1.2784645427610738, x, 4e-15);
        assertEquals(x + 1, m.value().evalDouble(), 4e-15);
        assertEquals(2, d.monotone().size());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("located numerically")));
    }

    @Test
    void parameterValuesMustSatisfyTheAssumptions() {
        ActlabException e = assertThrows(ActlabException.class, () -> derive("x > 0 : 2*a*x ; x <= 0 : 0", "a", "a > 0", "a=-1"));
        assertTrue(e.getMessage().contains("violate the assumption a > 0"), e.getMessage());
    }

    @Test
    void aPathologicalIntegralEndsAtTheTimeoutWithAClearMessage() {
        SymbolicEngine quick = SymbolicEngine.withTimeout(Duration.ofMillis(1500));
        try {
            GradientSpec spec = new SpecParser(quick).parse(new SpecText("slow",
                    "x*sigmoid(x)*(1 + x*(1 - sigmoid(x)))*erf(x)/(1 + x^4)", "", "", null, null));
            long t0 = System.nanoTime();
            ActlabException e = assertThrows(ActlabException.class, () -> new Deriver(quick).derive(spec));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(e.getMessage().contains("did not finish within 1.5 s"), e.getMessage());
            assertTrue(seconds < 10, "returned after " + seconds + " s");
        } finally {
            SymbolicEngine.withTimeout(SymbolicEngine.DEFAULT_TIMEOUT);
        }
    }
}
