package org.actlab.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Antiderivatives by linearity. The integrand is expanded into terms {@code c·u(x)} (c free of x);
 * the two elementary rules {@code ∫xⁿ = xⁿ⁺¹/(n+1)} (n ≠ −1) and {@code ∫e^{kx} = e^{kx}/k} are applied
 * here, every other {@code u} goes to Symja's {@code Integrate} (its results are cached per process,
 * keyed with a canonical variable). If any term has no closed form, the whole integrand is given to
 * Symja, which can integrate sums whose terms it cannot (integration by parts across terms).
 *
 * <p>Why the elementary rules are not left to Symja: its {@code Integrate} loads its rule base on first
 * use (about 1.3 s here) and then costs 10–200 ms per call, against a few microseconds for these
 * rules; xIELU, ReLU², IELU, xIPReLU and xIEP need nothing else. Correctness does not rest on this
 * code: every antiderivative is proved by {@code Simplify(D[f] − g) = 0} afterwards.
 */
final class Antiderivatives {
    private static final ISymbol CANONICAL = F.Dummy("t");
    private static final Map<IExpr, IExpr> CACHE = new ConcurrentHashMap<>();

    private Antiderivatives() {
    }

    /** ∫ g dx (no constant), evaluated; may contain {@code Integrate} when there is no closed form. Runs on the Symja thread. */
    static IExpr integrate(IExpr g, ISymbol x) {
        IExpr expanded = EvalEngineAccess.eval(F.Expand(g));
        List<IExpr> terms = new ArrayList<>();
        if (expanded.isPlus()) {
            for (IExpr t : (IAST) expanded) {
                terms.add(t);
            }
        } else {
            terms.add(expanded);
        }
        List<IExpr> parts = new ArrayList<>();
        for (IExpr term : terms) {
            IExpr c = F.C1;
            IExpr u = F.C1;
            if (term.isTimes()) {
                for (IExpr f : (IAST) term) {
                    if (f.isFree(x)) {
                        c = F.Times(c, f);
                    } else {
                        u = F.Times(u, f);
                    }
                }
            } else if (term.isFree(x)) {
                c = term;
            } else {
                u = term;
            }
            u = EvalEngineAccess.eval(u);
            IExpr r = elementary(u, x);
            if (r == null) {
                IExpr canonical = F.subst(u, x, CANONICAL);
                IExpr integral = CACHE.computeIfAbsent(canonical, k -> EvalEngineAccess.eval(F.Integrate(k, CANONICAL)));
                r = F.subst(integral, CANONICAL, x);
            }
            if (!r.isFree(S.Integrate)) {
                return EvalEngineAccess.eval(F.Integrate(g, x));
            }
            parts.add(F.Times(c, r));
        }
        return EvalEngineAccess.eval(F.Plus(parts.toArray(new IExpr[0])));
    }

    /** xⁿ (n ≠ −1, rational) and e^{kx} (k rational ≠ 0), or null. */
    private static IExpr elementary(IExpr u, ISymbol x) {
        if (u.isOne()) {
            return x;
        }
        if (u.equals(x)) {
            return F.Times(F.C1D2, F.Sqr(x));
        }
        if (u.isPower() && u.first().equals(x) && u.second().isRational() && !u.second().isMinusOne()) {
            IExpr n1 = F.Plus(u.second(), F.C1);
            return F.Divide(F.Power(x, n1), n1);
        }
        if (u.isPower() && u.first() == S.E) {
            IExpr k = u.second().equals(x) ? F.C1
                    : u.second().isTimes() && u.second().argSize() == 2 && u.second().first().isRational()
                            && u.second().second().equals(x) ? u.second().first() : null;
            if (k != null && !k.isZero()) {
                return F.Divide(u, k);
            }
        }
        return null;
    }
}
