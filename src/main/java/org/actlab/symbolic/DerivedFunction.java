package org.actlab.symbolic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.actlab.ActlabException;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A derived activation at fixed parameter values, evaluated at points: {@code f(x)} and
 * {@code f′(x) = g(x)}. Closed forms are evaluated by Symja at 30 significant digits from the exact
 * rational values of x and the parameters (so cancellation in a closed form such as
 * {@code α(eˣ − 1 − x)} near 0 costs no accuracy) and rounded once to double. Without a closed form,
 * {@code f(x) = y₀ + ∫_{x₀}^{x} g} by adaptive Gauss–Legendre quadrature (Hipparchus' rule),
 * split at breakpoints and into unit steps, to a relative accuracy of about 1e-14; the result says which was used.
 */
public final class DerivedFunction {
    private static final int DIGITS = 30;

    private final Derivation derivation;
    private final SymbolicEngine engine;
    private final double[] parameters;
    private final NumericExpression[] gradients;

    /** One evaluated point. */
    public record Point(double x, double y, double dy, boolean numericIntegral) {
    }

    /**
     * @param derivation the derivation
     * @param engine     the symbolic engine
     * @param parameters parameter values in declaration order
     */
    public DerivedFunction(Derivation derivation, SymbolicEngine engine, double[] parameters) {
        this.derivation = derivation;
        this.engine = engine;
        this.parameters = parameters.clone();
        Symbols sy = derivation.spec().symbols();
        if (parameters.length != sy.parameterNames().size()) {
            throw new ActlabException("values for " + sy.parameterNames().size() + " parameters needed ("
                    + String.join(", ", sy.parameterNames()) + "), got " + parameters.length + "; use --set");
        }
        this.gradients = derivation.spec().pieces().stream()
                .map(p -> NumericExpression.compile(p.gradient(), sy)).toArray(NumericExpression[]::new);
    }

    /** f and f′ at each point. */
    public List<Point> evaluate(double[] xs) {
        List<Point> out = new ArrayList<>();
        for (double x : xs) {
            if (!Double.isFinite(x)) {
                throw new ActlabException("--at takes finite numbers, got " + x);
            }
            int i = derivation.spec().pieceAt(x);
            double dy = exact(derivation.spec().pieces().get(i).gradient(), x);
            if (Double.isNaN(dy)) {
                dy = gradients[i].value(x, parameters);
            }
            IExpr f = derivation.pieces().get(i).activation();
            if (f != null) {
                double y = exact(f, x);
                boolean numeric = false;
                if (Double.isNaN(y)) {
                    try {
                        y = NumericExpression.compile(f, derivation.spec().symbols()).value(x, parameters);
                    } catch (ActlabException e) {
                        y = integral(x);   // a closed form with functions the double evaluator lacks
                        numeric = true;
                    }
                }
                out.add(new Point(x, y, dy, numeric));
            } else {
                out.add(new Point(x, integral(x), dy, true));
            }
        }
        return out;
    }

    /** The expression at x with the parameters substituted, by Symja at {@link #DIGITS} digits, or NaN. */
    private double exact(IExpr e, double x) {
        Symbols sy = derivation.spec().symbols();
        IExpr s = F.subst(e, sy.x(), exactValue(x));
        List<ISymbol> ps = sy.parameterSymbols();
        for (int k = 0; k < ps.size(); k++) {
            s = F.subst(s, ps.get(k), exactValue(parameters[k]));
        }
        s = withDilogarithms(s);
        IExpr v = engine.eval("evaluate at x = " + x, F.N(s, F.ZZ(DIGITS)));
        if (v instanceof org.matheclipse.core.interfaces.IReal r && !(v.isRational())) {
            // Apfloat's doubleValue() is not correctly rounded (it can be 2 ulps off): round the decimal digits
            return new BigDecimal(r.apfloatValue().toString(true)).doubleValue();
        }
        if (v.isReal()) {
            return v.evalDouble();
        }
        if (v.isNumber() && ((org.matheclipse.core.interfaces.INumber) v).imDoubleValue() == 0) {
            return ((org.matheclipse.core.interfaces.INumber) v).reDoubleValue();   // erfi and friends: complex type, real value
        }
        return Double.NaN;
    }

    /**
     * {@code e} with every {@code Li₂(z)} (z a number) replaced by its value to {@link #DIGITS} + 15
     * digits from {@link Dilogarithm}: Symja's own numerics for PolyLog are only double-accurate.
     */
    private IExpr withDilogarithms(IExpr e) {
        if (e.isFree(org.matheclipse.core.expression.S.PolyLog)) {
            return e;
        }
        IExpr withValues = e.replaceAll(sub -> {
            if (!sub.isAST(org.matheclipse.core.expression.S.PolyLog, 3) || !sub.first().isInteger()
                    || sub.first().toIntDefault() != 2) {
                return F.NIL;
            }
            IExpr z = engine.eval("the dilogarithm's argument", F.N(sub.second(), F.ZZ(DIGITS + 20)));
            if (!z.isReal()) {
                return F.NIL;
            }
            org.apfloat.Apfloat li = Dilogarithm.li2(((org.matheclipse.core.interfaces.IReal) z).apfloatValue(), DIGITS + 15);
            return li == null ? F.NIL : F.num(li);
        });
        // Symja then evaluates exact constants next to such a number (the π²/12 of −Li₂(−eˣ) − π²/12) in
        // double precision; so every exact constant part is first taken to the same number of digits
        return withValues.replaceAll(sub -> !sub.isNumber() && sub.isNumericFunction(true)
                && sub.isFree(h -> h instanceof org.matheclipse.core.interfaces.INum, true)
                ? engine.eval("a constant to " + (DIGITS + 15) + " digits", F.N(sub, F.ZZ(DIGITS + 15))) : F.NIL);
    }

    private static IExpr exactValue(double v) {
        return ExpressionParser.rational(new BigDecimal(v));
    }

    private double integral(double x) {
        GradientSpec spec = derivation.spec();
        double x0 = spec.anchorX().doubleValue();
        double y0 = NumericExpression.compile(spec.anchorY(), spec.symbols()).value(0, parameters);
        double lo = Math.min(x0, x);
        double hi = Math.max(x0, x);
        List<Double> cuts = new ArrayList<>();
        cuts.add(lo);
        for (BigFraction b : spec.breakpoints()) {
            double v = b.doubleValue();
            if (v > lo && v < hi) {
                cuts.add(v);
            }
        }
        cuts.add(hi);
        double sum = 0;
        for (int c = 0; c + 1 < cuts.size(); c++) {
            double a = cuts.get(c);
            double b = cuts.get(c + 1);
            int piece = spec.pieceAt(0.5 * (a + b));
            int steps = (int) Math.min(10_000, Math.ceil(b - a));
            for (int s = 0; s < Math.max(1, steps); s++) {
                double u = a + (b - a) * s / Math.max(1, steps);
                double w = a + (b - a) * (s + 1) / Math.max(1, steps);
                if (w > u) {
                    sum += AdaptiveQuadrature.integrate(t -> gradients[piece].value(t, parameters), u, w, 1e-14);
                }
            }
        }
        return y0 + (x >= x0 ? sum : -sum);
    }
}
