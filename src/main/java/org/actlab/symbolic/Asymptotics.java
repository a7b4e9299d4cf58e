package org.actlab.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;

/**
 * Asymptotic expansions at {@code x → +∞} or {@code x → −∞}, written for the limits, asymptotes and
 * growth of derived activations. Symja's {@code Limit} is not used: it returns wrong values for
 * expressions with parameters and for several of these families (it gives 0 for
 * {@code lim (α(eˣ−1−x)+βx)/x} at −∞ and for {@code Li₂(−e^{−x})/x²}).
 *
 * <p>An expansion is a finite sum of terms {@code c·xᵖ·e^{P(x)}} (c free of x, P a polynomial with
 * no constant term whose coefficients are rationals or expressions in the parameters), ordered from the
 * largest, plus a remainder: the growth of the largest term left out ({@code null} when the sum is
 * exact). Sums, products, integer powers, reciprocals, {@code exp}, {@code log}, {@code erf},
 * {@code erfc}, {@code tanh}, {@code cosh}, {@code sinh}, {@code arctan} and the dilogarithm
 * {@code Li₂(z)} are expanded; anything else (abs, max, oscillating sin and cos) gives {@code null}:
 * unknown, and said so.
 *
 * <p>A parameter in an exponent ({@code β·e^{γx}}) orders terms by the sign of its coefficient, which
 * {@code sign} decides from the assumptions (the seeded parameter sample); where the sign is not fixed
 * the expansion is unknown, and {@link #usedSampledSigns()} says when a sampled sign was used.
 */
final class Asymptotics {
    /** Terms kept per expansion. */
    private static final int KEEP = 5;
    /** Coefficients larger than this (Symja leaves) end the expansion: unknown rather than slow. */
    private static final int MAX_COEFFICIENT_LEAVES = 400;

    /**
     * One term {@code coef·x^power·(ln|x|)^logPower·e^{Σ expo[k]·x^k}} (expo[0] is unused and 0).
     */
    record Term(IExpr coef, int power, int logPower, IExpr[] expo) {
        Term(IExpr coef, int power, IExpr[] expo) {
            this(coef, power, 0, expo);
        }

        Term withCoef(IExpr c) {
            return new Term(c, power, logPower, expo);
        }

        boolean isConstant() {
            return power == 0 && logPower == 0 && expo.length == 0;
        }
    }

    /** A truncated expansion: terms largest first, and the growth of what was dropped (or null). */
    record Expansion(List<Term> terms, Term remainder) {
    }

    private static final IExpr[] NONE = new IExpr[0];

    private final IExpr x;
    private final int direction;
    private final UnaryOperator<IExpr> simplify;
    private final java.util.function.Function<IExpr, Integer> sign;
    private boolean sampledSigns;

    /**
     * @param x         the variable
     * @param direction +1 for x → +∞, −1 for x → −∞
     * @param simplify  the simplifier of coefficients (must return 0 for a zero coefficient)
     * @param sign      the sign of a parameter expression over the allowed region (+1, −1, 0), or null
     *                  when it is not fixed; only called for expressions that are not rational numbers
     */
    Asymptotics(IExpr x, int direction, UnaryOperator<IExpr> simplify, java.util.function.Function<IExpr, Integer> sign) {
        this.x = x;
        this.direction = direction;
        this.simplify = simplify;
        this.sign = sign;
    }

    /** Asymptotics without parameters in exponents (they make the expansion unknown). */
    Asymptotics(IExpr x, int direction, UnaryOperator<IExpr> simplify) {
        this(x, direction, simplify, e -> null);
    }

    /** Whether an ordering of terms rested on a sign read from the parameter sample (not proved). */
    boolean usedSampledSigns() {
        return sampledSigns;
    }

    /** The sign of an exponent coefficient: exact for rationals, else from {@code sign}, else unknown. */
    private int signOf(IExpr c) {
        if (c.isRational()) {
            return ((IRational) c).toBigFraction().signum();
        }
        if (c.isNumber()) {
            return c.isNegative() ? -1 : c.isZero() ? 0 : 1;
        }
        Integer s = sign.apply(c);
        if (s == null) {
            throw new Unsupported();
        }
        sampledSigns = true;
        return s;
    }

    private static IExpr plus(IExpr a, IExpr b) {
        if (a.isRational() && b.isRational()) {
            return ((IRational) a).add((IRational) b);
        }
        return F.Plus(a, b);
    }

    private static IExpr minus(IExpr a, IExpr b) {
        if (a.isRational() && b.isRational()) {
            return ((IRational) a).subtract((IRational) b);
        }
        return F.Subtract(a, b);
    }

    /** The expansion of {@code e}, or {@code null} when e is outside the supported class. */
    Expansion expand(IExpr e) {
        try {
            return exp(e);
        } catch (Unsupported | org.matheclipse.core.eval.exception.LimitException u) {
            return null;   // outside the supported class, or coefficients beyond Symja's limits: not determined
        }
    }

    /** The simplifier, with coefficients that grow past {@link #MAX_COEFFICIENT_LEAVES} refused. */
    private IExpr simplified(IExpr c) {
        IExpr s = simplify.apply(c);
        if (s.leafCount() > MAX_COEFFICIENT_LEAVES) {
            throw new Unsupported();
        }
        return s;
    }

    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private Expansion exp(IExpr e) {
        if (e.isFree(x)) {
            return constant(e);
        }
        if (e.equals(x)) {
            return new Expansion(List.of(new Term(F.C1, 1, NONE)), null);
        }
        if (!e.isAST()) {
            throw new Unsupported();
        }
        IAST a = (IAST) e;
        IExpr h = a.head();
        if (h == S.Plus) {
            Expansion sum = exp(a.arg1());
            for (int i = 2; i <= a.argSize(); i++) {
                sum = add(sum, exp(a.get(i)));
            }
            return sum;
        }
        if (h == S.Times) {
            Expansion prod = exp(a.arg1());
            for (int i = 2; i <= a.argSize(); i++) {
                prod = multiply(prod, exp(a.get(i)));
            }
            return prod;
        }
        if (h == S.Power) {
            if (a.arg1() == S.E) {
                return exponential(exp(a.arg2()));
            }
            if (a.arg2().isInteger()) {
                int n = a.arg2().toIntDefault();
                if (Math.abs(n) > 64 || n == Integer.MIN_VALUE) {
                    throw new Unsupported();
                }
                Expansion base = exp(a.arg1());
                Expansion r = n >= 0 ? base : reciprocal(base);
                Expansion out = constant(F.C1);
                for (int i = 0; i < Math.abs(n); i++) {
                    out = multiply(out, r);
                }
                return out;
            }
            throw new Unsupported();
        }
        if (a.argSize() == 1) {
            Expansion u = exp(a.arg1());
            if (h == S.Log) {
                return log(u);
            }
            if (h == S.Tanh) {   // tanh u = 1 − 2/(e^{2u} + 1)
                Expansion e2 = exponential(scale(u, F.C2));
                return add(constant(F.C1), scale(reciprocal(add(e2, constant(F.C1))), F.CN2));
            }
            if (h == S.Cosh || h == S.Sinh) {
                Expansion up = exponential(u);
                Expansion down = exponential(scale(u, F.CN1));
                return scale(add(up, scale(down, h == S.Cosh ? F.C1 : F.CN1)), F.C1D2);
            }
            if (h == S.Erf || h == S.Erfc) {
                return erf(u, h == S.Erfc);
            }
            if (h == S.LogisticSigmoid) {
                return reciprocal(add(constant(F.C1), exponential(scale(u, F.CN1))));
            }
            if (h == S.ArcTan) {
                return arctan(u);
            }
        }
        if (h == S.PolyLog && a.argSize() == 2 && a.arg1().isInteger() && a.arg1().toIntDefault() == 2) {
            return dilog(exp(a.arg2()));
        }
        throw new Unsupported();
    }

    private Expansion constant(IExpr c) {
        IExpr s = simplified(c);
        return s.isZero() ? new Expansion(List.of(), null) : new Expansion(List.of(new Term(s, 0, NONE)), null);
    }

    private Expansion scale(Expansion a, IExpr c) {
        List<Term> out = new ArrayList<>();
        for (Term t : a.terms()) {
            out.add(t.withCoef(simplified(F.Times(c, t.coef()))));
        }
        return new Expansion(out, a.remainder());
    }

    /** Compares the magnitudes of two term shapes (coefficients ignored): sign of |a| − |b| eventually. */
    int compare(Term a, Term b) {
        int n = Math.max(a.expo().length, b.expo().length);
        for (int k = n - 1; k >= 1; k--) {
            int d = signOf(minus(coef(a.expo(), k), coef(b.expo(), k)));
            if (d != 0) {
                return d * ((k % 2 == 1 && direction < 0) ? -1 : 1);
            }
        }
        int c = Integer.compare(a.power(), b.power());
        return c != 0 ? c : Integer.compare(a.logPower(), b.logPower());
    }

    private static IExpr coef(IExpr[] p, int k) {
        return k < p.length ? p[k] : F.C0;
    }

    private static final Term ONE = new Term(F.C1, 0, NONE);

    private Expansion normalise(List<Term> terms, Term remainder) {
        List<Term> merged = new ArrayList<>();
        List<Term> sorted = new ArrayList<>(terms);
        sorted.sort((s, t) -> -compare(s, t));
        for (Term t : sorted) {
            if (!merged.isEmpty() && compare(merged.get(merged.size() - 1), t) == 0) {
                Term last = merged.remove(merged.size() - 1);
                merged.add(last.withCoef(F.Plus(last.coef(), t.coef())));
            } else {
                merged.add(t);
            }
        }
        List<Term> out = new ArrayList<>();
        Term rem = remainder;
        for (Term t : merged) {
            if (rem != null && compare(t, rem) <= 0) {
                break;
            }
            IExpr c = simplified(t.coef());
            if (c.isZero()) {
                continue;
            }
            if (out.size() == KEEP) {
                rem = t;
                break;
            }
            out.add(t.withCoef(c));
        }
        return new Expansion(out, rem);
    }

    private Term larger(Term a, Term b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return compare(a, b) >= 0 ? a : b;
    }

    Expansion add(Expansion a, Expansion b) {
        List<Term> all = new ArrayList<>(a.terms());
        all.addAll(b.terms());
        return normalise(all, larger(a.remainder(), b.remainder()));
    }

    private Term product(Term s, Term t) {
        int n = Math.max(s.expo().length, t.expo().length);
        IExpr[] e = new IExpr[n];
        for (int k = 0; k < n; k++) {
            e[k] = plus(coef(s.expo(), k), coef(t.expo(), k));
        }
        return new Term(F.Times(s.coef(), t.coef()), s.power() + t.power(), s.logPower() + t.logPower(), trim(e));
    }

    private IExpr[] trim(IExpr[] e) {
        int n = e.length;
        while (n > 0 && isZero(e[n - 1])) {
            n--;
        }
        if (n == 1) {
            n = 0;   // index 0 (a constant in the exponent) is never stored
        }
        return Arrays.copyOf(e, n);
    }

    /** Whether an exponent coefficient is 0 (exactly for rationals; by the simplifier otherwise). */
    private boolean isZero(IExpr c) {
        if (c.isRational()) {
            return c.isZero();
        }
        return simplified(c).isZero();
    }

    Expansion multiply(Expansion a, Expansion b) {
        List<Term> all = new ArrayList<>();
        for (Term s : a.terms()) {
            for (Term t : b.terms()) {
                all.add(product(s, t));
            }
        }
        Term rem = null;
        if (a.remainder() != null && !b.terms().isEmpty()) {
            rem = larger(rem, product(a.remainder(), b.terms().get(0)));
        }
        if (b.remainder() != null && !a.terms().isEmpty()) {
            rem = larger(rem, product(b.remainder(), a.terms().get(0)));
        }
        if (a.remainder() != null && b.remainder() != null) {
            rem = larger(rem, product(a.remainder(), b.remainder()));
        }
        return normalise(all, rem);
    }

    /** {@code 1/(t₀(1 + r)) = t₀⁻¹·Σ (−r)ᵏ}. */
    private Expansion reciprocal(Expansion a) {
        if (a.terms().isEmpty()) {
            throw new Unsupported();
        }
        Term t0 = a.terms().get(0);
        Term inv = new Term(simplified(F.Power(t0.coef(), F.CN1)), -t0.power(), -t0.logPower(), negate(t0.expo()));
        Expansion r = new Expansion(a.terms().subList(1, a.terms().size()).stream().map(t -> product(t, inv)).toList(),
                a.remainder() == null ? null : product(a.remainder(), inv));
        r = normalise(r.terms(), r.remainder());
        Expansion sum = series(r, k -> (k % 2 == 0) ? F.C1 : F.CN1);
        return multiply(new Expansion(List.of(inv), null), sum);
    }

    private static IExpr[] negate(IExpr[] e) {
        IExpr[] out = new IExpr[e.length];
        for (int k = 0; k < e.length; k++) {
            out[k] = e[k].isRational() ? ((IRational) e[k]).negate() : F.Negate(e[k]);
        }
        return out;
    }

    /** {@code Σ_{k=0}^{KEEP} c_k rᵏ} for an r that tends to 0, with the next power as remainder. */
    private Expansion series(Expansion r, java.util.function.IntFunction<IExpr> c) {
        if (r.terms().isEmpty() && r.remainder() == null) {
            return constant(c.apply(0));
        }
        Term small = r.terms().isEmpty() ? r.remainder() : r.terms().get(0);
        if (compare(small, ONE) >= 0) {
            throw new Unsupported();   // r does not tend to 0
        }
        Expansion sum = constant(c.apply(0));
        Expansion power = constant(F.C1);
        Term remainderShape = ONE;
        for (int k = 1; k <= KEEP; k++) {
            power = multiply(power, r);
            sum = add(sum, scale(power, c.apply(k)));
            remainderShape = product(remainderShape, small);
        }
        Term rem = product(remainderShape, small);
        return normalise(sum.terms(), larger(sum.remainder(), rem));
    }

    /**
     * {@code e^{u}} where u = polynomial in x (coefficients rational, or parameter expressions whose sign
     * the assumptions fix) + a part with a finite limit.
     */
    private Expansion exponential(Expansion u) {
        List<IExpr> poly = new ArrayList<>();
        poly.add(F.C0);
        List<Term> rest = new ArrayList<>();
        IExpr c0 = F.C0;
        for (Term t : u.terms()) {
            if (t.expo().length == 0 && t.power() >= 1 && t.logPower() == 0) {
                if (!t.coef().isRational()) {
                    signOf(t.coef());   // e^{γx}: its growth needs the sign of γ (unknown: not expanded)
                }
                while (poly.size() <= t.power()) {
                    poly.add(F.C0);
                }
                poly.set(t.power(), plus(poly.get(t.power()), t.coef()));
            } else if (t.isConstant()) {
                c0 = F.Plus(c0, t.coef());
            } else if (compare(t, ONE) < 0) {
                rest.add(t);
            } else {
                throw new Unsupported();   // e^{x ln x} and the like: outside the class
            }
        }
        if (u.remainder() != null && compare(u.remainder(), ONE) >= 0) {
            throw new Unsupported();
        }
        Term lead = new Term(simplified(F.Power(S.E, c0)), 0, trim(poly.toArray(new IExpr[0])));
        Expansion small = normalise(rest, u.remainder());
        Expansion tail = series(small, k -> F.QQ(BigInteger.ONE.longValue(), factorial(k)));
        return multiply(new Expansion(List.of(lead), null), tail);
    }

    private static long factorial(int k) {
        long f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

    /**
     * {@code log(t₀(1 + r)) = P(x) + p·ln|x| + log(c·(±1)^p) + log(1 + r)} for a leading term
     * {@code t₀ = c·xᵖ·e^{P}} that is positive along the direction (no powers of ln x in it).
     */
    private Expansion log(Expansion u) {
        if (u.terms().isEmpty()) {
            throw new Unsupported();
        }
        Term t0 = u.terms().get(0);
        if (t0.logPower() != 0) {
            throw new Unsupported();   // ln ln x: outside the class
        }
        List<Term> out = new ArrayList<>();
        for (int k = 1; k < t0.expo().length; k++) {
            if (!isZero(t0.expo()[k])) {
                out.add(new Term(t0.expo()[k], k, NONE));
            }
        }
        if (t0.power() != 0) {
            out.add(new Term(F.ZZ(t0.power()), 0, 1, NONE));
        }
        // along x → −∞, x^p = (−1)^p·|x|^p: the constant is ln(c·(−1)^p), real where t₀ is positive there
        IExpr c = shapeSign(t0) < 0 ? F.Negate(t0.coef()) : t0.coef();
        out.add(new Term(simplified(F.Log(c)), 0, NONE));
        Term inv = new Term(simplified(F.Power(t0.coef(), F.CN1)), -t0.power(), 0, negate(t0.expo()));
        Expansion r = normalise(u.terms().subList(1, u.terms().size()).stream().map(t -> product(t, inv)).toList(),
                u.remainder() == null ? null : product(u.remainder(), inv));
        Expansion log1p = series(r, k -> k == 0 ? F.C0 : F.QQ((k % 2 == 1) ? 1 : -1, k));
        return add(normalise(out, null), log1p);
    }

    /** erf(u) → ±1 and erfc(u) → 0 or 2, with the Gaussian tail as remainder, for u ~ c·x. */
    private Expansion erf(Expansion u, boolean complement) {
        if (u.terms().isEmpty() || u.terms().get(0).power() != 1 || u.terms().get(0).logPower() != 0
                || u.terms().get(0).expo().length != 0
                || !u.terms().get(0).coef().isNumericFunction(true)) {
            throw new Unsupported();
        }
        IExpr c = u.terms().get(0).coef();
        IExpr c2 = simplified(F.Power(c, F.C2));
        // the Gaussian tail e^(−c²x²)/x; when c² is irrational a slightly smaller rational exponent bounds it
        BigFraction square = c2.isRational() ? ((IRational) c2).toBigFraction() : new BigFraction(0.99 * c2.evalDouble(), 1e-9, 100);
        int sign = (int) Math.signum(c.evalDouble()) * direction;
        Term tail = new Term(F.C1, -1, new IExpr[] {F.C0, F.C0, F.fraction(square.negate())});
        IExpr limit = complement ? (sign > 0 ? F.C0 : F.C2) : (sign > 0 ? F.C1 : F.CN1);
        List<Term> terms = limit.isZero() ? List.of() : List.of(new Term(limit, 0, NONE));
        return new Expansion(terms, tail);
    }

    /** Li₂(z): the series near 0, the inversion formula where z → −∞. */
    private Expansion dilog(Expansion z) {
        if (z.terms().isEmpty()) {
            return z;
        }
        Term lead = z.terms().get(0);
        int cmp = compare(lead, ONE);
        if (cmp < 0) {
            return series(z, k -> k == 0 ? F.C0 : F.QQ(1, (long) k * k));
        }
        if (cmp > 0) {
            // Li₂(z) = −π²/6 − ½ ln²(−z) − Li₂(1/z) for z → −∞
            Expansion l = log(scale(z, F.CN1));
            Expansion inv = reciprocal(z);
            Expansion li = series(inv, k -> k == 0 ? F.C0 : F.QQ(1, (long) k * k));
            Expansion out = add(constant(F.Times(F.CN1, F.Power(S.Pi, F.C2), F.QQ(1, 6))), scale(multiply(l, l), F.CN1D2));
            return add(out, scale(li, F.CN1));
        }
        throw new Unsupported();
    }

    /** The term as an expression {@code c·xᵖ·e^{P(x)}}. */
    IExpr toExpr(Term t) {
        IExpr poly = F.C0;
        for (int k = 1; k < t.expo().length; k++) {
            poly = F.Plus(poly, F.Times(t.expo()[k], F.Power(x, F.ZZ(k))));
        }
        IExpr shape = F.Times(t.coef(), F.Power(x, F.ZZ(t.power())));
        if (t.logPower() != 0) {
            shape = F.Times(shape, F.Power(F.Log(direction < 0 ? F.Negate(x) : x), F.ZZ(t.logPower())));
        }
        return org.matheclipse.core.eval.EvalEngine.get().evaluate(t.expo().length == 0 ? shape : F.Times(shape, F.Power(S.E, poly)));
    }

    /** Whether the shape grows without bound (compared with a constant; false when that is not decided). */
    boolean grows(Term t) {
        try {
            return compare(t, ONE) > 0;
        } catch (Unsupported u) {
            return false;
        }
    }

    /** Whether the shape tends to 0 (false when that is not decided). */
    boolean decays(Term t) {
        try {
            return compare(t, ONE) < 0;
        } catch (Unsupported u) {
            return false;
        }
    }

    /**
     * arctan(u): for u → ±∞, ±π/2 − arctan(1/u) with the series of arctan at 0 in 1/u; for u → 0 the
     * series Σ (−1)ᵏ u^{2k+1}/(2k+1); for u tending to a nonzero constant c, arctan(c) with u − c as the
     * order of the remainder.
     */
    private Expansion arctan(Expansion u) {
        java.util.function.IntFunction<IExpr> odd = k -> k % 2 == 0 ? F.C0 : F.QQ((k / 2) % 2 == 0 ? 1 : -1, k);
        if (u.terms().isEmpty()) {
            return u.remainder() == null ? constant(F.C0) : series(u, odd);
        }
        Term lead = u.terms().get(0);
        int cmp = compare(lead, ONE);
        if (cmp < 0) {
            return series(u, odd);
        }
        if (cmp > 0) {
            // the sign of u along the direction: its leading coefficient's sign times (±1)^power
            int s = signOf(lead.coef()) * shapeSign(lead);
            if (s == 0) {
                throw new Unsupported();
            }
            Expansion half = constant(F.Times(F.ZZ(s), F.C1D2, S.Pi));
            return add(half, scale(series(reciprocal(u), odd), F.CN1));
        }
        // u → c ≠ 0 (a constant leading term): arctan(c) plus terms of the order of u − c
        Expansion rest = normalise(u.terms().subList(1, u.terms().size()), u.remainder());
        Term order = rest.terms().isEmpty() ? rest.remainder() : rest.terms().get(0);
        return new Expansion(List.of(new Term(simplified(F.ArcTan(lead.coef())), 0, NONE)), order);
    }

    /** The sign of xᵖ·e^{P(x)} along the direction: (±1)ᵖ. */
    int shapeSign(Term t) {
        return (direction < 0 && Math.floorMod(t.power(), 2) == 1) ? -1 : 1;
    }

    int direction() {
        return direction;
    }
}
