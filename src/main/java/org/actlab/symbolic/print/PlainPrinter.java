package org.actlab.symbolic.print;

import org.actlab.symbolic.Symbols;
import org.matheclipse.core.interfaces.IExpr;

/** ASCII with the user's names, for JSON and CSV: {@code alpha_p*x^2 + beta*x}. */
final class PlainPrinter extends AsciiMathPrinter {
    PlainPrinter(Symbols symbols) {
        super(symbols);
    }

    @Override
    public String name(String user) {
        return user;
    }

    @Override
    String pi() {
        return "pi";
    }

    @Override
    String times() {
        return "*";
    }

    @Override
    String sqrt(String u) {
        return "sqrt(" + u + ")";
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
