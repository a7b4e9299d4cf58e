package org.actlab.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.actlab.ActlabException;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A closed form (a Symja expression in x and the parameters, plain or in the stable forms of
 * {@code symbolic.print.StableForms}) compiled once into a tree of small functions over any arithmetic
 * ({@link Operations}): SameDiff variables (the ND4J graph of a derived activation) or {@code validation.TermSize}
 * (its Java reference values, derivatives and term sizes). One reading of the expression serves both,
 * so they evaluate the same formula.
 *
 * <p>Heads: sums, products, powers (integer, ½, constant real, general), exp, log, erf, erfc, tanh, sinh,
 * cosh, sech, sin, cos, tan, arctan, artanh, abs, the logistic sigmoid, max, min, Li₂, and the stable
 * markers expm1, softplus, logcosh, sigmoid, erfc of the symbol table.
 */
public final class ExpressionCompiler {
    /** The elementary functions an arithmetic provides. */
    public enum Function { EXP, EXPM1, LOG, SOFTPLUS, LOGCOSH, SIGMOID, ERF, ERFC, TANH, SINH, COSH, SECH, SIN, COS, TAN, ATAN, ATANH, ABS, DILOG }

    /** An arithmetic: how constants, sums, products, powers and functions are formed. */
    public interface Operations<V> {
        V constant(double c);

        V add(V a, V b);

        V multiply(V a, V b);

        /** b^n for an integer n (|n| ≤ 64). */
        V power(V b, int n);

        /** b^p for a constant real p. */
        V power(V b, double p);

        V apply(Function f, V u);

        V max(V a, V b);

        V min(V a, V b);
    }

    /** A compiled expression: its value in an arithmetic, from x and the parameters (by index). */
    @FunctionalInterface
    public interface Form<V> {
        V at(Operations<V> ops, V x, IntFunction<V> parameter);
    }

    private ExpressionCompiler() {
    }

    /** Compiles {@code e}; symbols other than x, the parameters and the constants are an error. */
    public static <V> Form<V> compile(IExpr e, Symbols symbols) {
        if (e.isRational()) {
            double c = ((IRational) e).toBigFraction().doubleValue();
            return (ops, x, p) -> ops.constant(c);
        }
        if (e.isNumber()) {
            if (!e.isReal()) {
                throw new ActlabException("the closed form holds the complex number " + e + "; it has no real evaluation");
            }
            double c = e.evalDouble();
            return (ops, x, p) -> ops.constant(c);
        }
        if (e.isSymbol()) {
            ISymbol s = (ISymbol) e;
            if (s == symbols.x()) {
                return (ops, x, p) -> x;
            }
            int i = symbols.indexOf(s);
            if (i >= 0) {
                return (ops, x, p) -> p.apply(i);
            }
            if (s == S.E || s == S.Pi || s == S.EulerGamma) {
                double c = s.evalDouble();
                return (ops, x, p) -> ops.constant(c);
            }
            throw new ActlabException("the closed form holds the symbol " + s + ", which has no numeric value");
        }
        if (isConstant(e, symbols)) {
            double c = e.evalDouble();   // π²/12, 1/√2, …: their value
            return (ops, x, p) -> ops.constant(c);
        }
        if (!e.isAST()) {
            throw new ActlabException("cannot compile " + e);
        }
        IAST a = (IAST) e;
        IExpr h = a.head();
        if (h == S.Plus || h == S.Times) {
            List<Form<V>> terms = new ArrayList<>();
            for (int i = 1; i <= a.argSize(); i++) {
                terms.add(compile(a.get(i), symbols));
            }
            boolean sum = h == S.Plus;
            return (ops, x, p) -> {
                V acc = terms.get(0).at(ops, x, p);
                for (int i = 1; i < terms.size(); i++) {
                    V t = terms.get(i).at(ops, x, p);
                    acc = sum ? ops.add(acc, t) : ops.multiply(acc, t);
                }
                return acc;
            };
        }
        if (h == S.Power && a.argSize() == 2) {
            return power(a.arg1(), a.arg2(), symbols);
        }
        if (h == S.PolyLog && a.argSize() == 2 && a.arg1().isInteger() && a.arg1().toIntDefault() == 2) {
            Form<V> z = compile(a.arg2(), symbols);
            return (ops, x, p) -> ops.apply(Function.DILOG, z.at(ops, x, p));
        }
        if (a.argSize() == 2 && (h == S.Max || h == S.Min)) {
            Form<V> l = compile(a.arg1(), symbols);
            Form<V> r = compile(a.arg2(), symbols);
            boolean max = h == S.Max;
            return (ops, x, p) -> max ? ops.max(l.at(ops, x, p), r.at(ops, x, p)) : ops.min(l.at(ops, x, p), r.at(ops, x, p));
        }
        if (a.argSize() == 1) {
            Function f = function(h, symbols);
            if (f != null) {
                Form<V> u = compile(a.arg1(), symbols);
                return (ops, x, p) -> ops.apply(f, u.at(ops, x, p));
            }
        }
        throw new ActlabException("the closed form uses " + h + "(...), which has no numeric form here");
    }

    private static Function function(IExpr h, Symbols symbols) {
        String marker = h.isSymbol() ? symbols.nameOf((ISymbol) h) : null;
        if (marker != null) {
            switch (marker) {
                case "expm1":
                    return Function.EXPM1;
                case "softplus":
                    return Function.SOFTPLUS;
                case "logcosh":
                    return Function.LOGCOSH;
                case "sigmoid":
                    return Function.SIGMOID;
                case "erfc":
                    return Function.ERFC;
                default:
                    return null;
            }
        }
        if (h == S.Log) {
            return Function.LOG;
        }
        if (h == S.Erf) {
            return Function.ERF;
        }
        if (h == S.Erfc) {
            return Function.ERFC;
        }
        if (h == S.Tanh) {
            return Function.TANH;
        }
        if (h == S.Sinh) {
            return Function.SINH;
        }
        if (h == S.Cosh) {
            return Function.COSH;
        }
        if (h == S.Sech) {
            return Function.SECH;
        }
        if (h == S.Sin) {
            return Function.SIN;
        }
        if (h == S.Cos) {
            return Function.COS;
        }
        if (h == S.Tan) {
            return Function.TAN;
        }
        if (h == S.ArcTan) {
            return Function.ATAN;
        }
        if (h == S.ArcTanh) {
            return Function.ATANH;
        }
        if (h == S.Abs) {
            return Function.ABS;
        }
        if (h == S.LogisticSigmoid) {
            return Function.SIGMOID;
        }
        return null;
    }

    private static <V> Form<V> power(IExpr base, IExpr k, Symbols symbols) {
        if (base == S.E) {
            Form<V> u = compile(k, symbols);
            return (ops, x, p) -> ops.apply(Function.EXP, u.at(ops, x, p));
        }
        Form<V> b = compile(base, symbols);
        if (k.isInteger()) {
            int n = k.toIntDefault();
            if (n != Integer.MIN_VALUE && Math.abs(n) <= 64) {
                return (ops, x, p) -> ops.power(b.at(ops, x, p), n);
            }
        }
        if (isConstant(k, symbols) || k.isNumber()) {
            double c = k.evalDouble();
            return (ops, x, p) -> ops.power(b.at(ops, x, p), c);
        }
        // b^k = exp(k·log b)
        Form<V> e = compile(k, symbols);
        return (ops, x, p) -> ops.apply(Function.EXP, ops.multiply(e.at(ops, x, p), ops.apply(Function.LOG, b.at(ops, x, p))));
    }

    /** A numeric constant built from numbers and E, π (no x, no parameter). */
    private static boolean isConstant(IExpr e, Symbols symbols) {
        return !e.isNumber() && e.isNumericFunction(true) && e.isFree(s -> s.isSymbol() && symbols.nameOf((ISymbol) s) != null, true);
    }
}
