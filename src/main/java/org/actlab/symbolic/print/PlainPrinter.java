package org.actlab.symbolic.print;

import org.actlab.symbolic.Symbols;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.interfaces.IExpr;

/** ASCII with the user's names, for JSON and CSV: {@code alpha_p*x^2 + beta*x}. */
final class PlainPrinter extends ExpressionPrinter {
    PlainPrinter(Symbols symbols) {
        super(symbols, null);
    }

    @Override
    public String name(String user) {
        return user;
    }

    @Override
    String infinity() {
        return "inf";
    }

    @Override
    String pi() {
        return "pi";
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
    String times() {
        return "*";
    }

    @Override
    String exp(String u) {
        return "exp(" + u + ")";
    }

    @Override
    String sqrt(String u) {
        return "sqrt(" + u + ")";
    }

    @Override
    String reciprocal(IExpr positive, String r) {
        return "1/" + r;
    }

    @Override
    String power(String b, IExpr base, IExpr k) {
        return b + "^" + print(k, ATOM);
    }

    @Override
    String dilogarithm(String z) {
        return "polylog2(" + z + ")";
    }

    @Override
    String call(String key, String arguments) {
        return (key.equals("logisticsigmoid") ? "sigmoid" : key) + "(" + arguments + ")";
    }
}
