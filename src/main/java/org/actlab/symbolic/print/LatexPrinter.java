package org.actlab.symbolic.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.actlab.symbolic.Symbols;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.interfaces.IExpr;

/** LaTeX: {@code \alpha_{p} x^{2} + \beta x}. */
final class LatexPrinter extends ExpressionPrinter {
    LatexPrinter(Symbols symbols) {
        super(symbols, null);
    }

    @Override
    public String name(String user) {
        int u = user.indexOf('_');
        String base = u > 0 ? user.substring(0, u) : user;
        String sub = u > 0 ? user.substring(u + 1) : null;
        String g = GREEK.get(base.toLowerCase(Locale.ROOT));
        String tex = g == null ? (base.length() == 1 ? base : "\\mathrm{" + base + "}") : "\\" + base.toLowerCase(Locale.ROOT);
        return tex + (sub == null ? "" : "_{" + sub + "}");
    }

    @Override
    String infinity() {
        return "\\infty";
    }

    @Override
    String pi() {
        return "\\pi";
    }

    @Override
    String e() {
        return "e";
    }

    @Override
    String rational(BigFraction f, boolean negative, int context) {
        String s = (negative ? "-" : "") + "\\frac{" + f.getNumerator().abs() + "}{" + f.getDenominator() + "}";
        return negative && context >= PRODUCT ? "(" + s + ")" : s;
    }

    @Override
    boolean writesSigmoid() {
        return true;
    }

    @Override
    String sigmoid(String u) {
        return "\\sigma\\left(" + u + "\\right)";
    }

    @Override
    String times() {
        return " ";
    }

    @Override
    String quotient(List<String> parts, String numerator, List<IExpr> den) {
        String d;
        if (den.size() == 1) {
            d = print(den.get(0), 0);
        } else {
            List<String> dp = new ArrayList<>();
            for (IExpr f : den) {
                dp.add(print(f, PRODUCT + 1));
            }
            d = String.join(times(), dp);
        }
        return "\\frac{" + (parts.isEmpty() ? "1" : numerator) + "}{" + d + "}";
    }

    @Override
    String exp(String u) {
        return "e^{" + u + "}";
    }

    @Override
    String sqrt(String u) {
        return "\\sqrt{" + u + "}";
    }

    @Override
    String reciprocal(IExpr positive, String r) {
        return "\\frac{1}{" + print(positive, 0) + "}";
    }

    @Override
    String power(String b, IExpr base, IExpr k) {
        return b + "^{" + print(k, 0) + "}";
    }

    @Override
    String dilogarithm(String z) {
        return "\\operatorname{Li}_{2}\\left(" + z + "\\right)";
    }

    @Override
    String call(String key, String arguments) {
        String name = switch (key) {
            case "log" -> "\\ln";
            case "tanh", "cosh", "sinh", "exp", "sin", "cos", "tan" -> "\\" + key;
            case "arctan" -> "\\arctan";
            case "logisticsigmoid" -> "\\sigma";
            case "arctanh" -> "\\operatorname{artanh}";
            default -> "\\operatorname{" + key + "}";
        };
        return name + "\\left(" + arguments + "\\right)";
    }
}
