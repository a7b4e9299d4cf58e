package org.actlab.claims;

import java.util.List;
import java.util.Map;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.io.Numbers;
import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.DerivedFunction;
import org.actlab.symbolic.Deriver;
import org.actlab.symbolic.ExpressionParser;
import org.actlab.symbolic.NamedDerivations;
import org.actlab.symbolic.SpecParser;
import org.actlab.symbolic.SymbolicEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The derivation of xIELU by integration (section 1 of the xIELU paper), carried out by the symbolic
 * engine: the closed form, its proof, and the facts the paper states, each compared symbolically
 * with the paper's expression; the derived function against the numeric catalogue.
 */
public final class XieluDerivationClaim implements Claim {
    @Override
    public String id() {
        return "xielu.derivation";
    }

    @Override
    public String statement() {
        return "Integrating g(x) = 2α_p x + β (x > 0), α_n(eˣ − 1) + β (x ≤ 0) with f(0) = 0 gives xIELU: "
                + "α_p x² + βx and α_n(eˣ − 1 − x) + βx; f is C¹ but not C² (f'' jumps by 2α_p − α_n), "
                + "f'(−∞) = β − α_n, the minimum is at x* = ln(1 − β/α_n) with f(x*) = −β + (β − α_n)x*, and "
                + "f(x) ~ (β − α_n)x − α_n as x → −∞.";
    }

    @Override
    public String method() {
        return "actlab derive xielu (Symja, symbolic parameters, assumptions α_p > 0, α_n > β, β > 0): every "
                + "derived expression is compared with the paper's by Simplify(derived − paper) = 0; f' = g is proved "
                + "on each piece; the derived function at the defaults (0.8, 0.8, 0.5), evaluated from 30 digits, "
                + "against the catalogue's xielu on 61 points of [−30, 30] within 4 ulp of the largest term.";
    }

    @Override
    public java.util.Map<String, Long> seeds() {
        return java.util.Map.of("parameter-region sample of the symbolic engine", org.actlab.symbolic.ParameterRegion.SEED);
    }

    @Override
    public Outcome check() {
        long start = System.nanoTime();
        Measurements m = new Measurements();
        SymbolicEngine engine = SymbolicEngine.standard();
        NamedDerivations.Named named = NamedDerivations.get("xielu");
        long t0 = System.nanoTime();
        Derivation d = new Deriver(engine).derive(new SpecParser(engine).parse(named.text()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        ExpressionParser parser = new ExpressionParser(d.spec().symbols(), true);
        long proved = d.pieces().stream().filter(p -> p.proof() == Derivation.Proof.PROVED).count();
        m.that("pieces with f' = g proved symbolically", proved, "= 2 of 2", proved == 2);
        same(m, engine, "f on x <= 0 vs α_n(eˣ − 1 − x) + βx", d.pieces().get(0).activation(), parser.parse("alpha_n*(exp(x) - 1 - x) + beta*x"));
        same(m, engine, "f on x > 0 vs α_p x² + βx", d.pieces().get(1).activation(), parser.parse("alpha_p*x^2 + beta*x"));
        Derivation.Breakpoint b = d.breakpoints().get(0);
        m.that("smoothness class at 0", b.smoothness(), "= 1 (C¹, not C²)", b.smoothness() == 1 && b.jumpOrder() == 2);
        same(m, engine, "jump of f'' at 0 vs 2α_p − α_n", b.jump(), parser.parse("2*alpha_p - alpha_n"));
        same(m, engine, "f(0)", d.valueAtZero(), F.C0);
        same(m, engine, "f'(0-) vs β", d.slopeAtZero()[0], parser.parse("beta"));
        same(m, engine, "f'(0+) vs β", d.slopeAtZero()[1], parser.parse("beta"));
        same(m, engine, "f'(−∞) vs β − α_n", d.limits().dfMinus().value(), parser.parse("beta - alpha_n"));
        Derivation.StationaryPoint min = d.globalMinimum();
        m.that("global minimum found", min == null ? 0 : 1, "= 1 (decreasing, then increasing)", min != null);
        if (min != null) {
            same(m, engine, "x* vs ln(1 − β/α_n)", min.x(), parser.parse("log(1 - beta/alpha_n)"));
            same(m, engine, "f(x*) vs −β + (β − α_n)x*", min.value(),
                    parser.parse("-beta + (beta - alpha_n)*log(1 - beta/alpha_n)"));
        }
        Derivation.Asymptote a = d.asymptotes().get(0);
        same(m, engine, "asymptote slope at −∞ vs β − α_n", a.slope(), parser.parse("beta - alpha_n"));
        same(m, engine, "asymptote intercept at −∞ vs −α_n", a.intercept(), parser.parse("-alpha_n"));

        ScalarActivation catalogue = Catalogue.scalar("xielu", Map.of());
        // the catalogue entry's defaults (α_p, α_n, β), in the order of the derivation's parameters
        double[] defaults = Catalogue.xieluDefaults().values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] xs = new double[61];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -30 + i + 1e-3 / Math.PI;
        }
        List<DerivedFunction.Point> points = new DerivedFunction(d, engine, defaults).evaluate(xs);
        double worst = 0;
        for (DerivedFunction.Point p : points) {
            double x = p.x();
            double terms = x > 0 ? 0.8 * x * x + 0.5 * Math.abs(x) : 0.8 * (Math.abs(Math.expm1(x)) + Math.abs(x)) + 0.5 * Math.abs(x);
            worst = Math.max(worst, Math.abs(p.y() - catalogue.value(x)) / Math.ulp(terms));
        }
        m.atMost("derived vs catalogue, worst difference in ulps of the largest term", worst, 4,
                "the catalogue rounds each term once; the derived value is rounded once from 30 digits");
        m.that("derivation time (s)", seconds, "reported (bench: actlab bench --derive xielu)", true);
        String summary = "derived in " + Numbers.format(Math.round(seconds * 1000) / 1000.0) + " s; C¹ not C², f'' jump 2α_p − α_n; "
                + "x* = ln(1 − β/α_n); all facts equal the paper's by Simplify";
        return Outcome.of(id(), summary, m.all(), (System.nanoTime() - start) / 1e9).withEvidence(List.of(d));
    }

    private static void same(Measurements m, SymbolicEngine engine, String name, IExpr derived, IExpr paper) {
        boolean zero = derived != null && engine.eval("compare", F.unaryAST1(S.Simplify, F.Subtract(derived, paper))).isZero();
        m.that(name, zero ? 0 : 1, "= 0 (Simplify(derived − paper) = 0)", zero);
    }
}
