package org.actlab.symbolic;

import org.actlab.ActlabException;
import org.actlab.activation.SpecialFunctions;
import org.hipparchus.special.Erf;
import org.hipparchus.util.FastMath;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A symbolic expression compiled to a double function of {@code x} and the parameters: a tree of
 * small lambdas over the heads the symbolic engine produces (sums, products, powers, exp, log, erf,
 * tanh and its relatives, the dilogarithm of negative arguments, abs/max/min). Used for sampling
 * parameter regions and for the numeric fallback; exact numbers come from {@link SymbolicEngine}.
 */
@FunctionalInterface
public interface NumericExpression {
    /** The value at {@code x} with parameter values {@code p} (in the symbol table's order). */
    double value(double x, double[] p);

    /** Compiles {@code e}; symbols other than x and the parameters are an error. */
    static NumericExpression compile(IExpr e, Symbols symbols) {
        if (e.isNumber()) {
            if (!e.isReal()) {
                throw new ActlabException("cannot evaluate the complex number " + e + " as a real");
            }
            double v = e.evalDouble();
            return (x, p) -> v;
        }
        if (e.isSymbol()) {
            ISymbol s = (ISymbol) e;
            if (s == symbols.x()) {
                return (x, p) -> x;
            }
            int i = symbols.indexOf(s);
            if (i >= 0) {
                return (x, p) -> p[i];
            }
            if (s == S.E) {
                return (x, p) -> Math.E;
            }
            if (s == S.Pi) {
                return (x, p) -> Math.PI;
            }
            if (s == S.EulerGamma) {
                return (x, p) -> 0.5772156649015329;
            }
            throw new ActlabException("cannot evaluate the symbol " + s + " numerically");
        }
        if (!e.isAST()) {
            throw new ActlabException("cannot evaluate " + e + " numerically");
        }
        IAST a = (IAST) e;
        IExpr head = a.head();
        NumericExpression[] args = new NumericExpression[a.argSize()];
        for (int i = 0; i < args.length; i++) {
            args[i] = compile(a.get(i + 1), symbols);
        }
        if (head == S.Plus) {
            return (x, p) -> {
                double s = 0;
                for (NumericExpression t : args) {
                    s += t.value(x, p);
                }
                return s;
            };
        }
        if (head == S.Times) {
            return (x, p) -> {
                double s = 1;
                for (NumericExpression t : args) {
                    s *= t.value(x, p);
                }
                return s;
            };
        }
        if (head == S.Power && args.length == 2) {
            if (a.arg1() == S.E) {
                NumericExpression u = args[1];
                return (x, p) -> Math.exp(u.value(x, p));
            }
            NumericExpression b = args[0];
            if (a.arg2().isInteger()) {
                int n = a.arg2().toIntDefault();
                return (x, p) -> FastMath.pow(b.value(x, p), n);
            }
            NumericExpression k = args[1];
            return (x, p) -> Math.pow(b.value(x, p), k.value(x, p));
        }
        if (args.length == 1) {
            NumericExpression u = args[0];
            if (head == S.Log) {
                return (x, p) -> Math.log(u.value(x, p));
            }
            if (head == S.Erf) {
                return (x, p) -> SpecialFunctions.erf(u.value(x, p));
            }
            if (head == S.Erfc) {
                return (x, p) -> Erf.erfc(u.value(x, p));
            }
            if (head == S.Tanh) {
                return (x, p) -> Math.tanh(u.value(x, p));
            }
            if (head == S.Cosh) {
                return (x, p) -> Math.cosh(u.value(x, p));
            }
            if (head == S.Sinh) {
                return (x, p) -> Math.sinh(u.value(x, p));
            }
            if (head == S.Sech) {
                return (x, p) -> 1 / Math.cosh(u.value(x, p));
            }
            if (head == S.Abs) {
                return (x, p) -> Math.abs(u.value(x, p));
            }
            if (head == S.LogisticSigmoid) {
                return (x, p) -> 1 / (1 + Math.exp(-u.value(x, p)));
            }
            if (head == S.ArcTan) {
                return (x, p) -> Math.atan(u.value(x, p));
            }
            if (head == S.Sin) {
                return (x, p) -> Math.sin(u.value(x, p));
            }
            if (head == S.Cos) {
                return (x, p) -> Math.cos(u.value(x, p));
            }
            if (head == S.Tan) {
                return (x, p) -> Math.tan(u.value(x, p));
            }
            if (head == S.ArcTanh) {
                return (x, p) -> org.hipparchus.util.FastMath.atanh(u.value(x, p));
            }
        }
        if (args.length == 2 && head == S.PolyLog && a.arg1().isInteger() && a.arg1().toIntDefault() == 2) {
            NumericExpression z = args[1];
            return (x, p) -> SpecialFunctions.dilog(z.value(x, p));
        }
        if (args.length == 2 && head == S.Max) {
            return (x, p) -> Math.max(args[0].value(x, p), args[1].value(x, p));
        }
        if (args.length == 2 && head == S.Min) {
            return (x, p) -> Math.min(args[0].value(x, p), args[1].value(x, p));
        }
        throw new ActlabException("cannot evaluate " + head + "(...) numerically");
    }
}
