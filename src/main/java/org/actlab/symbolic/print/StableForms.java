package org.actlab.symbolic.print;

import java.util.ArrayList;
import java.util.List;

import org.actlab.symbolic.Forms;
import org.actlab.symbolic.SymbolicEngine;
import org.actlab.symbolic.Symbols;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Rewrites closed forms into numerically stable code forms before they are printed as Java or
 * PyTorch: exponentials that stand as factors of the terms become {@code 1 + expm1(u)} and the sum is
 * re-expanded, so constants cancel symbolically ({@code α(eˣ − 1 − x)} becomes {@code α(expm1(x) − x)},
 * with no cancellation near 0); {@code log(1 + e^u)} becomes {@code softplus(u)} and
 * {@code log(cosh u)} becomes {@code logcosh(u)}, both evaluated without overflow; {@code 1/(1 + e^(−u))}
 * becomes {@code sigmoid(u)}; pairs of terms that cancel in a tail are merged
 * ({@code x/2 + x·erf(x/√2)/2} becomes {@code x·erfc(−x/√2)/2}). The new heads are marker symbols
 * that the printers name.
 */
public final class StableForms {
    private final SymbolicEngine engine;
    private final ISymbol expm1;
    private final ISymbol softplus;
    private final ISymbol logcosh;
    private final ISymbol sigmoid;
    private final ISymbol erfc;
    private final java.util.List<ISymbol> parameters;

    public StableForms(SymbolicEngine engine, Symbols symbols) {
        this.engine = engine;
        this.expm1 = symbols.auxiliary("expm1");
        this.softplus = symbols.auxiliary("softplus");
        this.logcosh = symbols.auxiliary("logcosh");
        this.sigmoid = symbols.auxiliary("sigmoid");
        this.erfc = symbols.auxiliary("erfc");
        this.parameters = symbols.parameterSymbols();
    }

    /**
     * The closed form of every piece of {@code d} in stable form (for the code printers and the ND4J
     * harness), with the marker heads named {@code expm1}, {@code softplus}, {@code logcosh},
     * {@code sigmoid} and {@code erfc} in the spec's symbol table.
     */
    public static List<IExpr> pieces(org.actlab.symbolic.Derivation d, SymbolicEngine engine, String target) {
        if (!d.closedForm()) {
            throw new org.actlab.ActlabException(org.actlab.ActlabException.field("emit") + " " + target + " needs a closed "
                    + "form on every piece; this derivation has numerically integrated pieces (use "
                    + org.actlab.ActlabException.field("at") + " for numbers)");
        }
        StableForms stable = new StableForms(engine, d.spec().symbols());
        List<IExpr> out = new java.util.ArrayList<>();
        for (org.actlab.symbolic.Derivation.PieceResult r : d.pieces()) {
            out.add(engine.run("stable form", () -> stable.rewrite(r.activation())));
        }
        return out;
    }

    /** The stable form of {@code e}. */
    public IExpr rewrite(IExpr e) {
        return combine(exponentials(e));
    }

    private IExpr exponentials(IExpr e) {
        IExpr functions = e.replaceAll(this::function).orElse(e);
        IExpr base = engine.eval("stable form", F.Expand(functions));
        IExpr top = base.isPlus() ? ((IAST) base).map(this::termWithExpm1, 1) : termWithExpm1(base);
        IExpr expanded = engine.eval("stable form", F.Expand(top));
        if (expanded.leafCount() > base.leafCount()) {
            return functions;   // no constant cancelled: the exponential form is as good
        }
        if (parameters.isEmpty()) {
            return expanded;
        }
        IExpr collected = engine.eval("stable form", F.Collect(expanded, F.List(parameters.toArray(new IExpr[0]))));
        return collected.leafCount() <= expanded.leafCount() ? collected : expanded;
    }

    /**
     * Pairs of terms that cancel for large |x| become one stable function:
     * {@code K + K·erf(u) = K·erfc(−u)}, {@code K − K·erf(u) = K·erfc(u)},
     * {@code K − K·σ(w) = K·σ(−w)} and {@code K·softplus(w) − K·w = K·softplus(−w)}.
     */
    private IExpr combine(IExpr e) {
        if (!e.isPlus()) {
            return e;
        }
        List<IExpr> terms = new ArrayList<>();
        for (IExpr t : (IAST) e) {
            terms.add(t);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < terms.size(); i++) {
                IExpr t = terms.get(i);
                for (IExpr f : t.isTimes() ? (IAST) t : F.List(t)) {
                    IExpr[] partnerAndResult = pattern(f, cofactor(t, f));
                    if (partnerAndResult == null) {
                        continue;
                    }
                    for (int j = 0; j < terms.size(); j++) {
                        if (j != i && terms.get(j).equals(partnerAndResult[0])) {
                            IExpr replacement = partnerAndResult[1];
                            terms.remove(Math.max(i, j));
                            terms.remove(Math.min(i, j));
                            terms.add(replacement);
                            changed = true;
                            break outer;
                        }
                    }
                }
            }
        }
        return engine.eval("stable form", F.Plus(terms.toArray(new IExpr[0])));
    }

    private IExpr cofactor(IExpr term, IExpr factor) {
        return engine.eval("stable form", F.Divide(term, factor));
    }

    /** For a special factor with cofactor K: {the partner term to look for, the combined term}, or null. */
    private IExpr[] pattern(IExpr f, IExpr k) {
        if (f.isAST(S.Erf, 2)) {
            IExpr u = f.first();
            // K·erf(u) pairs with K (1 + erf u = erfc(−u)); −K·erf(u) is seen with cofactor −K
            return new IExpr[] {k, engine.eval("stable form", F.Times(k, F.unaryAST1(erfc, F.Negate(u))))};
        }
        if (f.isAST(sigmoid, 2)) {
            IExpr w = f.first();
            IExpr minusK = engine.eval("stable form", F.Negate(k));
            return new IExpr[] {minusK, engine.eval("stable form", F.Times(minusK, F.unaryAST1(sigmoid, F.Negate(w))))};
        }
        if (f.isAST(softplus, 2)) {
            IExpr w = f.first();
            return new IExpr[] {engine.eval("stable form", F.Times(F.CN1, k, w)),
                engine.eval("stable form", F.Times(k, F.unaryAST1(softplus, F.Negate(w))))};
        }
        return null;
    }

    private IExpr function(IExpr e) {
        if (e.isLog() && Forms.isOnePlusExp(e.first())) {
            return F.unaryAST1(softplus, rewrite(e.first().second().second()));
        }
        if (e.isLog() && e.first().isAST(S.Cosh, 2)) {
            return F.unaryAST1(logcosh, rewrite(e.first().first()));
        }
        if (e.isPower() && e.second().isMinusOne() && Forms.isOnePlusExp(e.first())) {
            IExpr u = engine.eval("stable form", F.Negate(e.first().second().second()));
            return F.unaryAST1(sigmoid, rewrite(u));
        }
        return F.NIL;
    }

    private IExpr termWithExpm1(IExpr t) {
        if (t.isPower() && t.first() == S.E) {
            return F.Plus(F.C1, F.unaryAST1(expm1, t.second()));
        }
        if (t.isTimes()) {
            return ((IAST) t).map(f -> f.isPower() && f.first() == S.E ? F.Plus(F.C1, F.unaryAST1(expm1, f.second())) : f, 1);
        }
        return t;
    }
}
