package org.actlab.symbolic.print;

import java.util.function.Function;

import org.actlab.io.Numbers;
import org.actlab.symbolic.Symbols;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * What the two code dialects share: the user's names as they are, constants and numbers as double
 * literals (integers beyond 2^53 and dyadic rationals as their nearest double, other rationals as a
 * quotient of doubles), parameters through {@code codeName}.
 */
abstract class CodePrinter extends ExpressionPrinter {
    CodePrinter(Symbols symbols, Function<ISymbol, String> codeName) {
        super(symbols, codeName);
    }

    /** NaN in this language. */
    abstract String nan();

    @Override
    public String name(String user) {
        return user;
    }

    @Override
    boolean code() {
        return true;
    }

    @Override
    String nonFinite(double v) {
        return Double.isNaN(v) ? nan() : codeDouble(v);
    }

    /** A double as a code literal; a value beyond the double range as the language's infinity. */
    String codeDouble(double v) {
        if (Double.isInfinite(v)) {
            String inf = infinity();
            return v > 0 ? inf : "(-" + inf + ")";
        }
        return Numbers.format(Math.abs(v)).equals(Numbers.format(v)) ? Numbers.format(v) : "(" + Numbers.format(v) + ")";
    }

    @Override
    String integer(IExpr e) {
        // beyond 2^53 an integer is written as its nearest double (a literal that cannot overflow)
        return ((IRational) e).toBigFraction().getNumerator().bitLength() > 53
                ? codeDouble(((IRational) e).toBigFraction().doubleValue()) : e.toString() + ".0";
    }

    @Override
    String rational(BigFraction f, boolean negative, int context) {
        if (isDyadic(f.getDenominator()) || f.getNumerator().bitLength() > 53 || f.getDenominator().bitLength() > 53) {
            String s = codeDouble(f.doubleValue());
            return negative && context >= PRODUCT ? "(" + s + ")" : s;
        }
        return "(" + f.getNumerator() + ".0 / " + f.getDenominator() + ".0)";
    }

    @Override
    String times() {
        return " * ";
    }

    @Override
    boolean splitsRationalCoefficient() {
        return false;
    }

    @Override
    String one() {
        return "1.0";
    }

    @Override
    boolean parenthesisesNumerator() {
        return false;
    }

    @Override
    String reciprocal(IExpr positive, String r) {
        return "1.0 / " + r;
    }
}
