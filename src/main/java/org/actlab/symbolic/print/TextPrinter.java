package org.actlab.symbolic.print;

import java.util.Locale;

import org.actlab.symbolic.Symbols;
import org.matheclipse.core.interfaces.IExpr;

/** Unicode mathematics for terminals: {@code α_p·x² + β·x}. */
final class TextPrinter extends AsciiMathPrinter {
    TextPrinter(Symbols symbols) {
        super(symbols);
    }

    @Override
    public String name(String user) {
        int u = user.indexOf('_');
        String base = u > 0 ? user.substring(0, u) : user;
        String sub = u > 0 ? user.substring(u + 1) : null;
        String g = GREEK.get(base.toLowerCase(Locale.ROOT));
        return (g == null ? base : g) + (sub == null ? "" : "_" + sub);
    }

    @Override
    String pi() {
        return "π";
    }

    @Override
    boolean writesSigmoid() {
        return true;
    }

    @Override
    String sigmoid(String u) {
        return "σ(" + u + ")";
    }

    @Override
    String times() {
        return "·";
    }

    @Override
    String sqrt(String u) {
        return "√(" + u + ")";
    }

    @Override
    String power(String b, IExpr base, IExpr k) {
        return b + (k.isInteger() && k.toIntDefault() >= 0 && k.toIntDefault() < 10
                ? "⁰¹²³⁴⁵⁶⁷⁸⁹".substring(k.toIntDefault(), k.toIntDefault() + 1) : "^" + print(k, ATOM));
    }

    @Override
    String dilogarithm(String z) {
        return "Li₂(" + z + ")";
    }

    @Override
    String call(String key, String arguments) {
        String name = switch (key) {
            case "log" -> "ln";
            case "logisticsigmoid" -> "σ";
            default -> key;
        };
        return name + "(" + arguments + ")";
    }
}
