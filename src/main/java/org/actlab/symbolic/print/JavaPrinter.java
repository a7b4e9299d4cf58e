package org.actlab.symbolic.print;

import java.util.function.Function;

import org.actlab.symbolic.Symbols;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** Java double arithmetic with {@code Math} and the emitted helpers ({@code SpecialFunctions}, Hipparchus' {@code Erf}). */
final class JavaPrinter extends CodePrinter {
    JavaPrinter(Symbols symbols, Function<ISymbol, String> codeName) {
        super(symbols, codeName);
    }

    @Override
    String infinity() {
        return "Double.POSITIVE_INFINITY";
    }

    @Override
    String nan() {
        return "Double.NaN";
    }

    @Override
    String pi() {
        return "Math.PI";
    }

    @Override
    String e() {
        return "Math.E";
    }

    @Override
    String exp(String u) {
        return "Math.exp(" + u + ")";
    }

    @Override
    String sqrt(String u) {
        return "Math.sqrt(" + u + ")";
    }

    @Override
    String power(String b, IExpr base, IExpr k) {
        return k.isInteger() && k.toIntDefault() == 2 ? "(" + b + " * " + b + ")"
                : "Math.pow(" + print(base, 0) + ", " + print(k, 0) + ")";
    }

    @Override
    String dilogarithm(String z) {
        return "SpecialFunctions.dilog(" + z + ")";
    }

    @Override
    String call(String key, String arguments) {
        String name = switch (key) {
            case "log" -> "Math.log";
            case "tanh", "cosh", "sinh", "abs", "max", "min", "expm1", "log1p", "sin", "cos", "tan" -> "Math." + key;
            case "erf" -> "Erf.erf";
            case "erfc" -> "Erf.erfc";
            case "arctanh" -> "FastMath.atanh";
            case "arctan" -> "Math.atan";
            case "softplus", "logcosh", "sigmoid" -> "SpecialFunctions." + key;
            default -> noCodeForm(key, "Java");
        };
        return name + "(" + arguments + ")";
    }
}
