package org.actlab.symbolic.print;

import org.actlab.symbolic.Symbols;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.interfaces.IExpr;

/** What the two plain-text dialects share: {@code inf}, {@code e}, rationals as {@code p/q}, reciprocals as {@code 1/b}. */
abstract class AsciiMathPrinter extends ExpressionPrinter {
    AsciiMathPrinter(Symbols symbols) {
        super(symbols, null);
    }

    @Override
    String infinity() {
        return "inf";
    }

    @Override
    String e() {
        return "e";
    }

    @Override
    String rational(BigFraction f, boolean negative, int context) {
        String s = f.getNumerator() + "/" + f.getDenominator();
        return context >= POWER ? "(" + s + ")" : s;
    }

    @Override
    String reciprocal(IExpr positive, String r) {
        return "1/" + r;
    }

    @Override
    String exp(String u) {
        return "exp(" + u + ")";
    }
}
