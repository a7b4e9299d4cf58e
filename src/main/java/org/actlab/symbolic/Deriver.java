package org.actlab.symbolic;

import java.util.ArrayList;
import java.util.List;

import org.actlab.ActlabException;
import org.actlab.symbolic.Derivation.Asymptote;
import org.actlab.symbolic.Derivation.Breakpoint;
import org.actlab.symbolic.Derivation.Limit;
import org.actlab.symbolic.Derivation.LimitKind;
import org.actlab.symbolic.Derivation.Limits;
import org.actlab.symbolic.Derivation.MonotoneRange;
import org.actlab.symbolic.Derivation.PieceResult;
import org.actlab.symbolic.Derivation.Proof;
import org.actlab.symbolic.Derivation.StationaryKind;
import org.actlab.symbolic.Derivation.StationaryPoint;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Integrates a {@link GradientSpec} and establishes the properties of the result.
 *
 * <ol>
 *   <li>Each piece is integrated by Symja; the constants follow from the anchor and continuity:
 *       on the anchor's piece {@code f = y₀ + A(x) − A(x₀)}, and moving outward across a breakpoint b
 *       {@code f_next = f(b) + A_next(x) − A_next(b)}.</li>
 *   <li>{@code Simplify(D[f] − g) = 0} is proved per piece.</li>
 *   <li>Smoothness at a breakpoint compares {@code f⁽ᵏ⁾ = g⁽ᵏ⁻¹⁾} from both sides, k = 1, 2, …;
 *       the first derivative that jumps and its jump are reported.</li>
 *   <li>Limits and asymptotes come from {@link Asymptotics}; stationary points from
 *       {@code Solve(g = 0)} (the real branch), kept when inside their piece; monotone ranges and the
 *       global minimum from the sign chart of g.</li>
 * </ol>
 * Questions whose answer depends on the sign of a parameter expression are settled on the
 * {@link ParameterRegion} sample and flagged in {@link Derivation#notes()}.
 */
public final class Deriver {
    /** Highest derivative order compared at breakpoints. */
    public static final int MAX_ORDER = 6;
    /** A whole derivation takes at most this many times the engine's per-step limit. */
    public static final int TOTAL_TIME_STEPS = 3;

    private final SymbolicEngine engine;
    /** The spec being derived (a Deriver derives one spec at a time; it is not shared between threads). */
    private GradientSpec currentSpec;

    public Deriver(SymbolicEngine engine) {
        this.engine = engine;
    }

    /**
     * Derives the activation of {@code spec}, all of it within {@link #TOTAL_TIME_STEPS} times the
     * engine's per-step time limit.
     */
    public Derivation derive(GradientSpec spec) {
        return engine.within(engine.timeout().multipliedBy(TOTAL_TIME_STEPS), "the derivation", () -> deriveNow(spec));
    }

    private Derivation deriveNow(GradientSpec spec) {
        long t0 = System.nanoTime();
        currentSpec = spec;
        Symbols sy = spec.symbols();
        ISymbol x = sy.x();
        ParameterRegion region = ParameterRegion.of(spec);
        List<String> notes = new ArrayList<>();
        int n = spec.pieces().size();
        checkReal(spec, region);

        // 1. antiderivatives
        IExpr[] anti = new IExpr[n];
        boolean closed = true;
        for (int i = 0; i < n; i++) {
            IExpr gi = spec.pieces().get(i).gradient();
            IExpr a = engine.run("integrate piece " + (i + 1), () -> Antiderivatives.integrate(gi, x));
            // no closed form: Integrate stays unevaluated (for Max, Symja leaks an internal helper,
            // Integrate(Max(trigsimplifyrecur(0), ...)), which is treated the same way)
            if (!a.isFree(S.Integrate) || !a.isFree(h -> h.isSymbol() && h.toString().startsWith("trigsimplify"), true)) {
                closed = false;
                anti[i] = null;
                notes.add("piece " + (i + 1) + " (" + spec.pieces().get(i).domain().condition()
                        + "): no closed-form antiderivative found; f is integrated numerically there (adaptive Gauss-Legendre)");
            } else {
                anti[i] = a;
            }
        }

        // 2. constants from the anchor and continuity
        IExpr[] f = new IExpr[n];
        if (closed) {
            int k = spec.pieceAt(spec.anchorX());
            IExpr x0 = F.fraction(spec.anchorX());
            f[k] = expand("fix the constant of piece " + (k + 1),
                    F.Plus(spec.anchorY(), anti[k], F.Negate(at(anti[k], x, x0, k))));
            for (int i = k + 1; i < n; i++) {
                IExpr b = F.fraction(spec.pieces().get(i).domain().lo());
                f[i] = expand("fix the constant of piece " + (i + 1),
                        F.Plus(at(f[i - 1], x, b, i - 1), anti[i], F.Negate(at(anti[i], x, b, i))));
            }
            for (int i = k - 1; i >= 0; i--) {
                IExpr b = F.fraction(spec.pieces().get(i).domain().hi());
                f[i] = expand("fix the constant of piece " + (i + 1),
                        F.Plus(at(f[i + 1], x, b, i + 1), anti[i], F.Negate(at(anti[i], x, b, i))));
            }
        }

        // 3. proofs
        List<PieceResult> pieces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            IExpr g = spec.pieces().get(i).gradient();
            if (f[i] == null) {
                pieces.add(new PieceResult(spec.pieces().get(i).domain(), ev("simplify g", g), null, null,
                        Proof.BY_CONSTRUCTION, F.C0));
                continue;
            }
            IExpr residual = ev("prove f' = g on piece " + (i + 1), F.unaryAST1(S.Simplify, F.Subtract(F.D(f[i], x), g)));
            Proof proof = Proof.PROVED;
            if (!residual.isZero()) {
                residual = ev("prove f' = g on piece " + (i + 1), F.unaryAST1(S.Simplify,
                        F.unaryAST1(S.Together, F.unaryAST1(S.TrigToExp, F.Expand(residual)))));
            }
            if (!residual.isZero()) {
                proof = vanishesNumerically(residual, g, spec, i, region) ? Proof.NUMERIC : Proof.FAILED;
                notes.add("piece " + (i + 1) + ": Simplify(D[f] - g) did not reduce to 0; "
                        + (proof == Proof.NUMERIC ? "the residual vanishes to 1e-9 at sampled points" : "THE RESIDUAL DOES NOT VANISH"));
            }
            pieces.add(new PieceResult(spec.pieces().get(i).domain(), ev("simplify g", g), anti[i],
                    display(f[i], sy), proof, residual));
        }

        // 4. smoothness at the breakpoints
        List<Breakpoint> breakpoints = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            breakpoints.add(smoothness(spec, i, x));
        }

        // 5. values at 0
        BigFraction zero = BigFraction.ZERO;
        int z = spec.pieceAt(zero);
        IExpr valueAtZero = f[z] == null ? null : at(f[z], x, F.C0, z);
        // one-sided slopes at 0 (a limit where the gradient is singular there; may be infinite)
        IExpr right = valueOrLimit(spec.pieces().get(z).gradient(), x, F.C0, z);
        IExpr left = right;
        if (z > 0 && spec.pieces().get(z).domain().lo() != null && spec.pieces().get(z).domain().lo().equals(zero)) {
            left = valueOrLimit(spec.pieces().get(z - 1).gradient(), x, F.C0, z - 1);
        } else if (z + 1 < n && spec.pieces().get(z).domain().hi() != null && spec.pieces().get(z).domain().hi().equals(zero)) {
            right = valueOrLimit(spec.pieces().get(z + 1).gradient(), x, F.C0, z + 1);
        }

        // 6. limits and asymptotes
        IExpr gFirst = spec.pieces().get(0).gradient();
        IExpr gLast = spec.pieces().get(n - 1).gradient();
        // a parameter in an exponent (β·e^{γx}) orders the terms by its sign, read off the parameter sample
        java.util.function.Function<IExpr, Integer> sign = c -> {
            try {
                return region.sign(NumericExpression.compile(c, sy), 0);
            } catch (ActlabException e) {
                return null;
            }
        };
        Asymptotics minus = new Asymptotics(x, -1, this::simplifyCoefficient, sign);
        Asymptotics plus = new Asymptotics(x, 1, this::simplifyCoefficient, sign);
        Asymptotics.Expansion fm = f[0] == null ? null : engine.run("expand f at -inf", () -> minus.expand(f[0]));
        Asymptotics.Expansion fp = f[n - 1] == null ? null : engine.run("expand f at +inf", () -> plus.expand(f[n - 1]));
        Asymptotics.Expansion gm = engine.run("expand f' at -inf", () -> minus.expand(gFirst));
        Asymptotics.Expansion gp = engine.run("expand f' at +inf", () -> plus.expand(gLast));
        Asymptotics.Expansion hm = engine.run("expand f'' at -inf", () -> minus.expand(EvalEngineAccess.eval(F.D(gFirst, x))));
        Asymptotics.Expansion hp = engine.run("expand f'' at +inf", () -> plus.expand(EvalEngineAccess.eval(F.D(gLast, x))));
        Limits limits = new Limits(limit(minus, fm, sy, region, notes, "f(-inf)"), limit(plus, fp, sy, region, notes, "f(+inf)"),
                limit(minus, gm, sy, region, notes, "f'(-inf)"), limit(plus, gp, sy, region, notes, "f'(+inf)"),
                limit(minus, hm, sy, region, notes, "f''(-inf)"), limit(plus, hp, sy, region, notes, "f''(+inf)"));
        List<Asymptote> asymptotes = engine.run("asymptotes", () -> List.of(asymptote(minus, fm), asymptote(plus, fp)));
        if (minus.usedSampledSigns() || plus.usedSampledSigns()) {
            notes.add("a parameter in an exponent: which term dominates at ±inf follows from its sign, checked at "
                    + region.points().size() + " sampled parameter points satisfying the assumptions, not proved");
        }
        List<String> sampledLimits = new ArrayList<>();
        for (String[] l : new String[][] {{"f(-inf)", "fMinus"}, {"f(+inf)", "fPlus"}, {"f'(-inf)", "dfMinus"}, {"f'(+inf)", "dfPlus"}}) {
            Limit lim = switch (l[1]) {
                case "fMinus" -> limits.fMinus();
                case "fPlus" -> limits.fPlus();
                case "dfMinus" -> limits.dfMinus();
                default -> limits.dfPlus();
            };
            if (lim.sampled() && lim.kind() != LimitKind.SIGN_DEPENDS) {
                sampledLimits.add(l[0]);
            }
        }
        if (!sampledLimits.isEmpty()) {
            notes.add("the sign of the leading term of " + String.join(", ", sampledLimits) + " was checked at "
                    + region.points().size() + " sampled parameter points satisfying the assumptions"
                    + (region.hasGivenValues() ? " (the --set values among them)" : "") + ", not proved");
        }

        // 7. stationary points, monotone ranges, minimum
        List<StationaryPoint> stationary = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stationary.addAll(stationaryPoints(spec, i, f[i], region, notes));
        }
        SignChart chart = new SignChart(spec, region, stationary);
        List<MonotoneRange> monotone = chart.ranges();
        if (monotone.isEmpty()) {
            notes.add("monotone ranges: the order of the stationary points depends on the parameters; not reported");
        }
        StationaryPoint minimum = null;
        String minimumNote;
        SignChart.Minimum m = chart.globalMinimum(monotone);
        minimum = m.point();
        minimumNote = m.note();

        return new Derivation(spec, pieces, closed, breakpoints, valueAtZero, new IExpr[] {left, right}, limits,
                asymptotes, stationary, monotone, minimum, minimumNote, notes, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Refuses a gradient that is not real on its piece (sqrt(x) on x &lt; 2): g is sampled at 64 points of
     * each piece (cut to [−64, 64]) for a few parameter points; where the double value is NaN, Symja
     * evaluates g there to 20 digits, and a value that is not a real number ends the derivation.
     */
    private void checkReal(GradientSpec spec, ParameterRegion region) {
        Symbols sy = spec.symbols();
        for (int i = 0; i < spec.pieces().size(); i++) {
            GradientSpec.Piece piece = spec.pieces().get(i);
            NumericExpression g;
            try {
                g = NumericExpression.compile(piece.gradient(), sy);
            } catch (ActlabException e) {
                continue;   // no numeric form (abs of something unusual): nothing to sample
            }
            double[] w = window(piece.domain());
            for (double[] p : region.points().subList(0, Math.min(4, region.points().size()))) {
                for (int k = 1; k < 64; k++) {
                    double t = w[0] + (w[1] - w[0]) * k / 64.0;
                    if (!Double.isNaN(g.value(t, p))) {
                        continue;
                    }
                    IExpr at = F.subst(piece.gradient(), sy.x(), ExpressionParser.rational(new java.math.BigDecimal(t)));
                    List<ISymbol> ps = sy.parameterSymbols();
                    for (int j = 0; j < ps.size(); j++) {
                        at = F.subst(at, ps.get(j), ExpressionParser.rational(new java.math.BigDecimal(p[j])));
                    }
                    IExpr v = ev("is g real at x = " + t, F.N(at, F.ZZ(20)));
                    if (!v.isReal()) {
                        throw new ActlabException("piece " + (i + 1) + " (" + piece.domain().condition() + "): the gradient "
                                + org.actlab.io.Excerpt.of(piece.text()) + " is not real at x = " + org.actlab.io.Numbers.format(t)
                                + (p.length == 0 ? "" : " (for sampled parameter values)")
                                + "; a gradient must be a real number on its whole piece");
                    }
                }
            }
        }
    }

    private IExpr ev(String step, IExpr e) {
        return engine.eval(step, e);
    }

    private IExpr expand(String step, IExpr e) {
        return ev(step, F.Expand(e));
    }

    /**
     * Coefficients of expansions: expanded and brought over a common denominator. Together is applied
     * twice: Symja's single Together of an expanded quotient with e in it does not cancel common factors
     * ((2 − e)/(3(1 + e)) comes back as (6 + 3e − 3e²)/(9(1 + e)²)), so repeated simplification would
     * double the size of the coefficients at every step; the second pass cancels them.
     */
    private IExpr simplifyCoefficient(IExpr c) {
        return org.matheclipse.core.eval.EvalEngine.get().evaluate(F.unaryAST1(S.Together, F.unaryAST1(S.Together, F.Expand(c))));
    }

    /** e at x = v, requiring a finite value. */
    private IExpr at(IExpr e, ISymbol x, IExpr v, int piece) {
        IExpr r = valueOrLimit(e, x, v, piece);
        if (!isFinite(r)) {
            throw new ActlabException("piece " + (piece + 1) + ": the expression is not finite at x = " + v
                    + " (the gradient is not integrable there, or the breakpoint is a singularity)");
        }
        return r;
    }

    /**
     * e at x = v by substitution; where that is not finite (0⁰, 0·log 0), the one-sided limit from
     * inside the piece (Symja's Limit, used only for this).
     */
    private IExpr valueOrLimit(IExpr e, ISymbol x, IExpr v, int piece) {
        IExpr r = ev("evaluate at x = " + v, F.subst(e, x, v));
        if (isFinite(r) || currentSpec == null) {
            return r;
        }
        Interval d = currentSpec.pieces().get(piece).domain();
        boolean fromAbove = d.lo() != null && v.isRational()
                && d.lo().compareTo(((org.matheclipse.core.interfaces.IRational) v).toBigFraction()) == 0;
        IExpr limit = ev("one-sided limit at x = " + v, F.Limit(e, F.Rule(x, v),
                F.Rule(S.Direction, fromAbove ? F.CN1 : F.C1)));
        return limit.isFree(S.Limit) ? limit : r;
    }

    static boolean isFinite(IExpr r) {
        return r.isFree(h -> h.isInfinity() || h.isNegativeInfinity() || h.isComplexInfinity() || h.isIndeterminate()
                || h.isDirectedInfinity() || h == S.Infinity || h == S.ComplexInfinity || h == S.Indeterminate, true);
    }

    /** f for display: collected by the parameters ({@code α_n·(eˣ − 1 − x) + β·x}). */
    private IExpr display(IExpr f, Symbols sy) {
        if (sy.parameterSymbols().isEmpty()) {
            return f;
        }
        IExpr collected = ev("collect", F.Collect(f, F.List(sy.parameterSymbols().toArray(new IExpr[0]))));
        return collected.leafCount() <= f.leafCount() + 2 ? collected : f;
    }

    private boolean vanishesNumerically(IExpr residual, IExpr g, GradientSpec spec, int piece, ParameterRegion region) {
        NumericExpression r;
        NumericExpression gn;
        try {
            r = NumericExpression.compile(residual, spec.symbols());
            gn = NumericExpression.compile(g, spec.symbols());
        } catch (ActlabException e) {
            return false;
        }
        Interval d = spec.pieces().get(piece).domain();
        double lo = d.lo() == null ? -8 : d.lo().doubleValue();
        double hi = d.hi() == null ? 8 : d.hi().doubleValue();
        if (d.lo() == null && d.hi() != null) {
            lo = hi - 8;
        }
        if (d.hi() == null && d.lo() != null) {
            hi = lo + 8;
        }
        for (double[] p : region.points().subList(0, Math.min(16, region.points().size()))) {
            for (int k = 1; k < 16; k++) {
                double t = lo + (hi - lo) * k / 16.0;
                double v = r.value(t, p);
                if (!(Math.abs(v) <= 1e-9 * Math.max(1, Math.abs(gn.value(t, p))))) {
                    return false;
                }
            }
        }
        return true;
    }

    private Breakpoint smoothness(GradientSpec spec, int i, ISymbol x) {
        IExpr gl = spec.pieces().get(i).gradient();
        IExpr gr = spec.pieces().get(i + 1).gradient();
        BigFraction b = spec.pieces().get(i + 1).domain().lo();
        IExpr same = ev("compare pieces", F.unaryAST1(S.Simplify, F.Subtract(gr, gl)));
        if (same.isZero()) {
            return new Breakpoint(b, Integer.MAX_VALUE, 0, null, MAX_ORDER);
        }
        IExpr bv = F.fraction(b);
        for (int k = 1; k <= MAX_ORDER; k++) {
            IExpr dl = k == 1 ? gl : F.D(gl, F.List(x, F.ZZ(k - 1)));
            IExpr dr = k == 1 ? gr : F.D(gr, F.List(x, F.ZZ(k - 1)));
            IExpr l = valueOrLimit(ev("derivative", dl), x, bv, i);
            IExpr r = valueOrLimit(ev("derivative", dr), x, bv, i + 1);
            if (!isFinite(l) || !isFinite(r)) {
                return new Breakpoint(b, k - 1, k, S.Infinity, k);
            }
            IExpr jump = ev("jump of f^(" + k + ") at x = " + Interval.format(b), F.unaryAST1(S.Simplify, F.Subtract(r, l)));
            if (!jump.isZero()) {
                return new Breakpoint(b, k - 1, k, jump, k);
            }
        }
        return new Breakpoint(b, MAX_ORDER, 0, null, MAX_ORDER);
    }

    private Limit limit(Asymptotics a, Asymptotics.Expansion e, Symbols sy, ParameterRegion region, List<String> notes,
                        String what) {
        if (e == null) {
            return new Limit(LimitKind.UNKNOWN, null, false);
        }
        if (e.terms().isEmpty()) {
            if (e.remainder() == null || a.decays(e.remainder())) {
                return new Limit(LimitKind.FINITE, F.C0, false);
            }
            return new Limit(LimitKind.UNKNOWN, null, false);
        }
        Asymptotics.Term lead = e.terms().get(0);
        if (lead.isConstant()) {
            return new Limit(LimitKind.FINITE, lead.coef(), false);
        }
        if (a.decays(lead)) {
            return new Limit(LimitKind.FINITE, F.C0, false);
        }
        IExpr c = lead.coef();
        Integer sign;
        boolean sampled = false;
        if (c.isNumber()) {
            sign = c.isNegative() ? -1 : 1;
        } else {
            sign = region.sign(NumericExpression.compile(c, sy), 0);
            sampled = true;
        }
        if (sign == null || sign == 0) {
            // the limit is +∞ where c·(sign of xᵖ along the direction) > 0: report that product
            IExpr effective = a.shapeSign(lead) > 0 ? c : EvalEngineAccess.evalOn(engine, F.Negate(c));
            notes.add(what + ": ±inf, by the sign of " + effective + ", which the assumptions do not fix");
            return new Limit(LimitKind.SIGN_DEPENDS, effective, sampled);
        }
        int s = sign * a.shapeSign(lead);
        return new Limit(s > 0 ? LimitKind.PLUS_INFINITY : LimitKind.MINUS_INFINITY, c, sampled);
    }

    private Asymptote asymptote(Asymptotics a, Asymptotics.Expansion e) {
        if (e == null) {
            return new Asymptote(a.direction(), null, null, null);
        }
        List<Asymptotics.Term> t = e.terms();
        boolean restDecays = true;
        IExpr slope = F.C0;
        IExpr intercept = F.C0;
        int idx = 0;
        if (!t.isEmpty() && a.grows(t.get(0))) {
            Asymptotics.Term lead = t.get(0);
            if (lead.power() == 1 && lead.logPower() == 0 && lead.expo().length == 0) {
                slope = lead.coef();
                idx = 1;
            } else {
                return new Asymptote(a.direction(), null, null, a.toExpr(lead));
            }
        }
        if (idx < t.size() && t.get(idx).isConstant()) {
            intercept = t.get(idx).coef();
            idx++;
        }
        for (int i = idx; i < t.size(); i++) {
            restDecays &= a.decays(t.get(i));
        }
        if (e.remainder() != null) {
            restDecays &= a.decays(e.remainder());
        }
        if (!restDecays) {
            return new Asymptote(a.direction(), null, null, t.isEmpty() ? null : a.toExpr(t.get(0)));
        }
        return new Asymptote(a.direction(), slope, intercept, null);
    }

    /** The finite window scanned for numeric roots: the piece's domain cut to [−64, 64]. */
    private static double[] window(Interval d) {
        double lo = d.lo() == null ? -64 : Math.max(-64, d.lo().doubleValue());
        double hi = d.hi() == null ? 64 : Math.min(64, d.hi().doubleValue());
        return new double[] {lo, hi};
    }

    private static String scanRange(Interval d) {
        double[] w = window(d);
        return "[" + org.actlab.io.Numbers.format(w[0]) + ", " + org.actlab.io.Numbers.format(w[1]) + "]";
    }

    /**
     * Roots of g on its piece where Solve finds none, at one parameter point {@code p} (none, or the
     * --set values): sign changes on a scan of 4096 intervals of the window, each refined by Hipparchus'
     * bracketing Brent solver; the kind follows from the direction of the sign change. Flagged as
     * numeric in the note.
     */
    private List<StationaryPoint> numericStationaryPoints(GradientSpec spec, int i, IExpr f, IExpr g, double[] p) {
        List<StationaryPoint> out = new ArrayList<>();
        NumericExpression gn;
        NumericExpression fn = null;
        try {
            gn = NumericExpression.compile(g, spec.symbols());
            if (f != null && !spec.symbols().parameterNames().isEmpty()) {
                fn = NumericExpression.compile(f, spec.symbols());
            }
        } catch (ActlabException e) {
            return out;
        }
        Interval d = spec.pieces().get(i).domain();
        double[] w = window(d);
        int n = 4096;
        org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver solver =
                new org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver(1e-15, 1e-15, 1e-300, 5);
        double prevX = w[0];
        double prevG = gn.value(prevX, p);
        for (int k = 1; k <= n; k++) {
            double x = w[0] + (w[1] - w[0]) * k / n;
            double gx = gn.value(x, p);
            if (Double.isFinite(prevG) && Double.isFinite(gx) && prevG * gx < 0) {
                double root = solver.solve(200, t -> gn.value(t, p), prevX, x);
                if (d.contains(root)) {
                    StationaryKind kind = prevG < 0 ? StationaryKind.MINIMUM : StationaryKind.MAXIMUM;
                    IExpr at = F.num(root);
                    IExpr value = f == null ? null : fn != null ? F.num(fn.value(root, p))
                            : ev("f at the stationary point", F.N(F.subst(f, spec.symbols().x(), at)));
                    out.add(new StationaryPoint(at, value, null, kind, i, "numeric root of g in " + d + " (Brent"
                            + (p.length > 0 ? ", at the --set values" : "") + ")"));
                }
            }
            prevX = x;
            prevG = gx;
        }
        return out;
    }

    /**
     * Whether g changes sign at a root {@code v} (for parameters {@code p}): +1 from − to + (a minimum of
     * f), −1 from + to − (a maximum), 0 when it keeps its sign (an inflection with f′ = 0), null when the
     * signs cannot be read. The sign of g is read a little to each side (δ = 10⁻⁵(1 + |v|), on whichever
     * piece holds the point), so a root where g′ vanishes too (g = x³ at 0) is classified by what g does,
     * not by g′; where g is 0 or not finite there, by the sign of g′.
     */
    private static Integer signChange(GradientSpec spec, NumericExpression[] g, NumericExpression dg, double v, double[] p) {
        double delta = 1e-5 * (1 + Math.abs(v));
        double left = g[spec.pieceAt(v - delta)].value(v - delta, p);
        double right = g[spec.pieceAt(v + delta)].value(v + delta, p);
        if (Double.isFinite(left) && Double.isFinite(right) && left != 0 && right != 0) {
            return (left < 0) == (right < 0) ? 0 : left < 0 ? 1 : -1;
        }
        double c = dg.value(v, p);
        return c > 0 ? Integer.valueOf(1) : c < 0 ? Integer.valueOf(-1) : null;
    }

    private List<StationaryPoint> stationaryPoints(GradientSpec spec, int i, IExpr f, ParameterRegion region,
                                                   List<String> notes) {
        Symbols sy = spec.symbols();
        ISymbol x = sy.x();
        IExpr g = spec.pieces().get(i).gradient();
        Interval d = spec.pieces().get(i).domain();
        List<StationaryPoint> out = new ArrayList<>();
        IExpr gs = ev("simplify g", F.unaryAST1(S.Simplify, g));
        if (gs.isZero()) {
            IExpr value = f == null ? null : ev("value", f);
            out.add(new StationaryPoint(d.lo() == null ? null : F.fraction(d.lo()), value, null,
                    StationaryKind.CONSTANT_INTERVAL, i, "g = 0 on all of " + d));
            return out;
        }
        if (gs.isFree(x)) {
            return out;   // g is a nonzero constant on the piece (zero only for special parameter values)
        }
        IExpr solved;
        try {
            solved = ev("solve g = 0 on piece " + (i + 1), F.binaryAST2(S.Solve, F.Equal(gs, F.C0), x));
        } catch (SymbolicEngine.SymbolicLimitException e) {
            solved = F.NIL;
        }
        if (!solved.isList()) {
            return numericFallback(spec, i, f, gs, region, notes, "Solve(g = 0) found no closed form");
        }
        List<StationaryPoint> found = solvedPoints(spec, i, f, gs, (IAST) solved, region, notes);
        if (found.isEmpty() && (sy.parameterNames().isEmpty() || region.hasGivenValues())) {
            // Solve may miss roots it cannot write (a transcendental piece): scan for sign changes too
            List<StationaryPoint> numeric = numericStationaryPoints(spec, i, f, gs, region.points().get(0));
            if (!numeric.isEmpty()) {
                notes.add("piece " + (i + 1) + ": Solve(g = 0) gave no root inside the piece; stationary points located "
                        + "numerically (sign changes of g on a scan of " + scanRange(d) + ", refined by Brent's method to 1e-15"
                        + (region.hasGivenValues() && !sy.parameterNames().isEmpty() ? ", at the --set values" : "") + ")");
                return numeric;
            }
        }
        return found;
    }

    /** The numeric scan where Solve gave nothing usable, with a note saying what was done. */
    private List<StationaryPoint> numericFallback(GradientSpec spec, int i, IExpr f, IExpr gs, ParameterRegion region,
                                                  List<String> notes, String why) {
        Interval d = spec.pieces().get(i).domain();
        boolean parameters = !spec.symbols().parameterNames().isEmpty();
        if (parameters && !region.hasGivenValues()) {
            notes.add("piece " + (i + 1) + ": " + why + "; stationary points there are not reported "
                    + "(give parameter values with --set to locate them numerically)");
            return List.of();
        }
        List<StationaryPoint> numeric = numericStationaryPoints(spec, i, f, gs, region.points().get(0));
        notes.add("piece " + (i + 1) + ": " + why + "; "
                + (numeric.isEmpty() ? "no sign change of g found on a scan of " + scanRange(d)
                : "stationary points located numerically (sign changes of g on a scan of " + scanRange(d)
                        + ", refined by Brent's method to 1e-15" + (parameters ? ", at the --set values" : "") + ")"));
        return numeric;
    }

    /** The stationary points of Solve's solution list that lie in the piece, with their kinds and values. */
    private List<StationaryPoint> solvedPoints(GradientSpec spec, int i, IExpr f, IExpr gs, IAST solved,
                                               ParameterRegion region, List<String> notes) {
        Symbols sy = spec.symbols();
        ISymbol x = sy.x();
        Interval d = spec.pieces().get(i).domain();
        List<StationaryPoint> out = new ArrayList<>();
        NumericExpression gn = NumericExpression.compile(gs, sy);
        NumericExpression[] allG = spec.pieces().stream().map(pc -> NumericExpression.compile(pc.gradient(), sy))
                .toArray(NumericExpression[]::new);
        IExpr dg = ev("derivative of g", F.D(gs, x));
        NumericExpression dgn;
        try {
            dgn = NumericExpression.compile(dg, sy);
        } catch (ActlabException e) {
            dgn = (t, p) -> Double.NaN;   // g′ has no numeric form (abs, max): the kind stays unknown
        }
        for (IExpr rules : solved) {
            if (!rules.isList() || rules.argSize() < 1 || !rules.first().isRuleAST()) {
                continue;
            }
            IExpr s = ((IAST) rules.first()).arg2();
            if (s.isAST(S.ConditionalExpression)) {
                s = ((IAST) s).arg1().replaceAll(e -> e.isAST(S.C, 2) ? F.C0 : F.NIL);
            }
            s = ev("simplify the stationary point", s);
            s = ev("tidy", F.ReplaceAll(s, F.RuleDelayed(F.Log(F.x_), F.Log(F.Expand(F.x)))));
            if (!s.isFree(h -> h == S.I || h.isComplex() || h.isComplexNumeric(), true) || !s.isFree(x)) {
                continue;
            }
            NumericExpression sn;
            try {
                sn = NumericExpression.compile(s, sy);
            } catch (ActlabException e) {
                continue;
            }
            int inside = 0;
            int outside = 0;
            int minima = 0;
            int maxima = 0;
            int unknown = 0;
            for (double[] p : region.points()) {
                double v = sn.value(0, p);
                if (!Double.isFinite(v) || !d.contains(v) || Math.abs(gn.value(v, p)) > 1e-8 * (1 + Math.abs(v))) {
                    outside++;
                    continue;
                }
                inside++;
                Integer change = signChange(spec, allG, dgn, v, p);
                if (change == null) {
                    unknown++;
                } else if (change > 0) {
                    minima++;
                } else if (change < 0) {
                    maxima++;
                }
            }
            if (inside == 0) {
                continue;
            }
            String note = "in " + d + (outside == 0 ? "" : " for " + inside + " of " + region.points().size()
                    + " sampled parameter points only");
            if (outside > 0) {
                notes.add("stationary point " + s + " lies in piece " + (i + 1) + " only for some parameter values");
            }
            StationaryKind kind = minima == inside ? StationaryKind.MINIMUM
                    : maxima == inside ? StationaryKind.MAXIMUM
                    : (minima == 0 && maxima == 0 && unknown == 0) ? StationaryKind.INFLECTION : StationaryKind.UNKNOWN;
            IExpr value = null;
            IExpr valueInX = null;
            if (f != null) {
                try {
                    value = ev("f at the stationary point", F.Expand(F.subst(f, x, s)));
                } catch (SymbolicEngine.SymbolicLimitException e) {
                    value = null;
                }
                if (value == null || value.leafCount() > 400) {
                    // no usable closed form for f(x*): its value to 30 digits where the parameters are numbers
                    value = sy.parameterNames().isEmpty() ? ev("f at the stationary point", F.N(F.subst(f, x, s), F.ZZ(30))) : null;
                }
                if (!s.isFree(h -> h.isLog() || h.isAST(S.ArcTanh) || h.isAST(S.ArcTan), true)) {
                    ISymbol xs = sy.auxiliary("x*");
                    IExpr withSymbol = F.subst(f, x, xs);
                    IExpr finalS = s;
                    withSymbol = withSymbol.replaceAll(e -> e.isPower() && e.first() == S.E && !e.second().isFree(xs)
                            ? F.Power(S.E, F.subst(e.second(), xs, finalS)) : F.NIL);
                    try {
                        valueInX = ev("f at x*", F.Collect(F.Expand(withSymbol), xs));
                    } catch (SymbolicEngine.SymbolicLimitException e) {
                        valueInX = null;
                    }
                    if (valueInX != null && (value == null || !valueInX.isFree(h -> h == S.Log, true)
                            || valueInX.leafCount() > value.leafCount())) {
                        valueInX = null;
                    }
                }
            }
            out.add(new StationaryPoint(s, value, valueInX, kind, i, note));
        }
        return out;
    }
}
