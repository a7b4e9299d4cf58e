package org.actlab.symbolic.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.actlab.io.Numbers;
import org.actlab.symbolic.Symbols;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Prints an expression as Java over a Hipparchus {@code Derivative<T>}: {@code x} and the parameter
 * slots {@code q[i]} are field elements and the expression becomes a method chain
 * ({@code x.expm1().subtract(x).multiply(q[1])}), so one formula gives every derivative order and
 * the parameter gradients. Special functions are those of {@code org.actlab.activation.SpecialFunctions}.
 */
final class JavaGenericPrinter {
    private final Symbols symbols;

    JavaGenericPrinter(Symbols symbols) {
        this.symbols = symbols;
    }

    String print(IExpr e) {
        if (e.isNumber()) {
            return "constant(x, " + number(e) + ")";
        }
        return t(e);
    }

    private static String number(IExpr e) {
        if (e.isRational()) {
            IRational r = (IRational) e;
            double v = r.toBigFraction().doubleValue();
            if (e.isInteger() && r.toBigFraction().getNumerator().bitLength() <= 53) {
                return e.toString() + ".0";
            }
            if (r.toBigFraction().getDenominator().bitCount() == 1 || r.toBigFraction().getNumerator().bitLength() > 53
                    || r.toBigFraction().getDenominator().bitLength() > 53) {
                return literal(v);
            }
            return "(" + r.toBigFraction().getNumerator() + ".0 / " + r.toBigFraction().getDenominator() + ".0)";
        }
        return literal(e.evalDouble());
    }

    /** A double as a Java literal (infinities and NaN by name, so the class always compiles). */
    private static String literal(double v) {
        if (Double.isNaN(v)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return v < 0 ? "(" + Numbers.format(v) + ")" : Numbers.format(v);
    }

    private String t(IExpr e) {
        if (e.isNumber()) {
            return "constant(x, " + number(e) + ")";
        }
        if (ExpressionPrinter.isConstantSubexpression(e, symbols)) {
            return "constant(x, " + literal(e.evalDouble()) + ")";
        }
        if (e.isSymbol()) {
            ISymbol s = (ISymbol) e;
            if (s == symbols.x()) {
                return "x";
            }
            int i = symbols.indexOf(s);
            if (i >= 0) {
                return "q[" + i + "]";
            }
            if (s == S.Pi) {
                return "constant(x, Math.PI)";
            }
            if (s == S.E) {
                return "constant(x, Math.E)";
            }
            throw new IllegalArgumentException("no Java form for the symbol " + s);
        }
        IAST a = (IAST) e;
        IExpr h = a.head();
        if (h == S.Plus) {
            List<IExpr> numeric = new ArrayList<>();
            List<IExpr> rest = new ArrayList<>();
            for (IExpr term : a) {
                (term.isNumber() ? numeric : rest).add(term);
            }
            StringBuilder b = new StringBuilder(t(rest.get(0)));
            for (IExpr term : rest.subList(1, rest.size())) {
                if (term.isTimes() && term.first().isNumber() && term.first().isNegative()) {
                    b.append(".subtract(").append(t(term.negate())).append(")");
                } else {
                    b.append(".add(").append(t(term)).append(")");
                }
            }
            for (IExpr c : numeric) {
                b.append(".add(").append(number(c)).append(")");
            }
            return b.toString();
        }
        if (h == S.Times) {
            IExpr coefficient = null;
            List<IExpr> num = new ArrayList<>();
            List<IExpr> den = new ArrayList<>();
            for (IExpr f : a) {
                if (f.isNumber()) {
                    coefficient = f;
                } else if (f.isPower() && f.second().isInteger() && f.second().isNegative()) {
                    den.add(f.second().isMinusOne() ? f.first() : org.matheclipse.core.expression.F.Power(f.first(), f.second().negate()));
                } else {
                    num.add(f);
                }
            }
            if (num.isEmpty()) {
                num.add(org.matheclipse.core.expression.F.C1);
            }
            StringBuilder b = new StringBuilder(t(num.get(0)));
            for (IExpr f : num.subList(1, num.size())) {
                b.append(".multiply(").append(t(f)).append(")");
            }
            for (IExpr f : den) {
                b.append(".divide(").append(t(f)).append(")");
            }
            if (coefficient != null) {
                if (coefficient.isMinusOne()) {
                    b.append(".negate()");
                } else {
                    b.append(".multiply(").append(number(coefficient)).append(")");
                }
            }
            return b.toString();
        }
        if (h == S.Power) {
            IExpr base = a.arg1();
            IExpr k = a.arg2();
            if (base == S.E) {
                return t(k) + ".exp()";
            }
            if (k.isInteger()) {
                int n = k.toIntDefault();
                return switch (n) {
                    case 2 -> t(base) + ".square()";
                    case -1 -> t(base) + ".reciprocal()";
                    default -> t(base) + ".pow(" + n + ")";
                };
            }
            if (k.isRational() && ((IRational) k).toBigFraction().doubleValue() == 0.5) {
                return t(base) + ".sqrt()";
            }
            return t(base) + ".pow(" + t(k) + ")";
        }
        String name = h.isSymbol() && symbols.nameOf((ISymbol) h) != null ? symbols.nameOf((ISymbol) h) : h.toString();
        String key = name.toLowerCase(Locale.ROOT);
        if (h == S.PolyLog) {
            return "SpecialFunctions.dilog(" + t(a.arg2()) + ")";
        }
        List<String> args = new ArrayList<>();
        for (IExpr arg : a) {
            args.add(t(arg));
        }
        return switch (key) {
            case "log", "tanh", "cosh", "sinh", "abs", "expm1", "log1p", "sqrt", "sin", "cos", "tan" -> args.get(0) + "." + key + "()";
            case "arctanh" -> args.get(0) + ".atanh()";
            case "arctan" -> args.get(0) + ".atan()";
            case "erf", "erfc", "softplus", "logcosh", "sigmoid", "max", "min" ->
                    "SpecialFunctions." + key + "(" + String.join(", ", args) + ")";
            default -> throw new org.actlab.ActlabException("the closed form uses " + key
                    + "(...), which has no Java form here; use " + org.actlab.ActlabException.field("emit") + " text/latex/json, or " + org.actlab.ActlabException.field("at") + " for numbers");
        };
    }
}
