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
 * {@code f′(x) = g(x)}. Closed forms are evaluated by Symja from the exact rational values of x and the
 * parameters, at 30 significant digits (plus one per decade of 1/|x| below 1) and then at four times as
 * many, quadrupling until two successive precisions round to the same non-zero double (or
 * {@value #MAX_DIGITS} digits), and rounded once to double. Symja's numbers do not track the digits a
 * subtraction cancels (1 + erf(−12.8) at 30 digits is an exact 0), so the check is by comparison: a
 * closed form that cancels d digits, such as (1 + erf(x/√2))/2 at x = −18 (73 digits) or e^x − 1 at
 * x = 1e-300, comes out right as long as d is below the larger precision. Without a closed form,
 * {@code f(x) = y₀ + ∫_{x₀}^{x} g} by adaptive Gauss–Legendre quadrature (Hipparchus' rule),
 * split at breakpoints and into unit steps, to a relative accuracy of about 1e-14; the result says which was used.
 */
public final class DerivedFunction {
    private static final int DIGITS = 30;
    /** The most digits the evaluation quadruples to. */
    private static final int MAX_DIGITS = 4000;

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
                    + String.join(", ", sy.parameterNames()) + "), got " + parameters.length + "; use " + ActlabException.field("set"));
        }
        this.gradients = derivation.spec().pieces().stream()
                .map(p -> NumericExpression.compile(p.gradient(), sy)).toArray(NumericExpression[]::new);
    }

    /** f and f′ at each point. */
    public List<Point> evaluate(double[] xs) {
        List<Point> out = new ArrayList<>();
        for (double x : xs) {
            if (!Double.isFinite(x)) {
                throw new ActlabException(ActlabException.field("at") + " takes finite numbers, got " + x);
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

    /** The expression at x with the parameters substituted, by Symja (quadrupling the digits from {@link #DIGITS}), or NaN. */
    private double exact(IExpr e, double x) {
        Symbols sy = derivation.spec().symbols();
        IExpr s = F.subst(e, sy.x(), exactValue(x));
        List<ISymbol> ps = sy.parameterSymbols();
        for (int k = 0; k < ps.size(); k++) {
            s = F.subst(s, ps.get(k), exactValue(parameters[k]));
        }
        double previous = Double.NaN;
        int first = DIGITS + (x != 0 && Math.abs(x) < 1 ? (int) Math.ceil(-Math.log10(Math.abs(x))) : 0);
        for (int digits = first; ; digits = Math.min(4 * digits, MAX_DIGITS)) {
            IExpr v = engine.eval("evaluate at x = " + x, F.N(withDilogarithms(s, digits), F.ZZ(digits)));
            if (v.isRational()) {
                return v.evalDouble();   // exact
            }
            double d = toDouble(v);
            if (Double.isNaN(d) || digits >= MAX_DIGITS || (d == previous && d != 0)) {
                return d;
            }
            previous = d;
        }
    }

    /** A numeric value as the double nearest to its decimal digits, or NaN. */
    private static double toDouble(IExpr v) {
        if (v instanceof org.matheclipse.core.interfaces.IReal r) {
            // Apfloat's doubleValue() is not correctly rounded (it can be 2 ulps off): round the decimal digits
            return new BigDecimal(r.apfloatValue().toString(true)).doubleValue();
        }
        if (v.isNumber() && ((org.matheclipse.core.interfaces.INumber) v).imDoubleValue() == 0) {
            return ((org.matheclipse.core.interfaces.INumber) v).reDoubleValue();   // erfi and friends: complex type, real value
        }
        return Double.NaN;
    }

    /**
     * {@code e} with every {@code Li₂(z)} (z a number) replaced by its value to {@code digits} + 15
     * digits from {@link Dilogarithm}: Symja's own numerics for PolyLog are only double-accurate.
     */
    private IExpr withDilogarithms(IExpr e, int digits) {
        if (e.isFree(org.matheclipse.core.expression.S.PolyLog)) {
            return e;
        }
        IExpr withValues = e.replaceAll(sub -> {
            if (!sub.isAST(org.matheclipse.core.expression.S.PolyLog, 3) || !sub.first().isInteger()
                    || sub.first().toIntDefault() != 2) {
                return F.NIL;
            }
            IExpr z = engine.eval("the dilogarithm's argument", F.N(sub.second(), F.ZZ(digits + 20)));
            if (!z.isReal()) {
                return F.NIL;
            }
            org.apfloat.Apfloat li = Dilogarithm.li2(((org.matheclipse.core.interfaces.IReal) z).apfloatValue(), digits + 15);
            return li == null ? F.NIL : F.num(li);
        });
        // Symja then evaluates exact constants next to such a number (the π²/12 of −Li₂(−eˣ) − π²/12) in
        // double precision; so every exact constant part is first taken to the same number of digits
        return withValues.replaceAll(sub -> !sub.isNumber() && sub.isNumericFunction(true)
                && sub.isFree(h -> h instanceof org.matheclipse.core.interfaces.INum, true)
                ? engine.eval("a constant to " + (digits + 15) + " digits", F.N(sub, F.ZZ(digits + 15))) : F.NIL);
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
