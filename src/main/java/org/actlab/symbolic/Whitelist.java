package org.actlab.symbolic;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The functions and constants user expressions may use: the whitelist {@link ExpressionParser} parses
 * against and {@link Symbols} keeps parameter names out of.
 */
final class Whitelist {
    private Whitelist() {
    }

    /** The whitelist: lower-case name → (arity, builder). */
    static final Map<String, Fn> FUNCTIONS = new TreeMap<>();

    record Fn(int arity, Function<IExpr[], IExpr> build, String description) {
    }

    static {
        SymjaSetup.configure();
        FUNCTIONS.put("exp", new Fn(1, a -> F.Power(S.E, a[0]), "e^u"));
        FUNCTIONS.put("log", new Fn(1, a -> F.Log(a[0]), "natural logarithm"));
        FUNCTIONS.put("ln", FUNCTIONS.get("log"));
        FUNCTIONS.put("sqrt", new Fn(1, a -> F.Power(a[0], F.C1D2), "square root"));
        FUNCTIONS.put("erf", new Fn(1, a -> F.Erf(a[0]), "error function"));
        FUNCTIONS.put("erfc", new Fn(1, a -> F.unaryAST1(S.Erfc, a[0]), "complementary error function"));
        FUNCTIONS.put("tanh", new Fn(1, a -> F.unaryAST1(S.Tanh, a[0]), "hyperbolic tangent"));
        FUNCTIONS.put("sigmoid", new Fn(1, a -> Forms.sigmoid(a[0]), "logistic sigmoid 1/(1+e^-u)"));
        FUNCTIONS.put("logisticsigmoid", FUNCTIONS.get("sigmoid"));
        FUNCTIONS.put("softplus", new Fn(1, a -> Forms.softplus(a[0]), "log(1+e^u)"));
        FUNCTIONS.put("phi", new Fn(1, a -> Forms.normalCdf(a[0]), "standard normal CDF (1+erf(u/sqrt 2))/2"));
        FUNCTIONS.put("sin", new Fn(1, a -> F.Sin(a[0]), "sine"));
        FUNCTIONS.put("cos", new Fn(1, a -> F.Cos(a[0]), "cosine"));
        FUNCTIONS.put("tan", new Fn(1, a -> F.Tan(a[0]), "tangent"));
        FUNCTIONS.put("atan", new Fn(1, a -> F.ArcTan(a[0]), "inverse tangent"));
        FUNCTIONS.put("arctan", FUNCTIONS.get("atan"));
        FUNCTIONS.put("sinh", new Fn(1, a -> F.Sinh(a[0]), "hyperbolic sine"));
        FUNCTIONS.put("cosh", new Fn(1, a -> F.Cosh(a[0]), "hyperbolic cosine"));
        FUNCTIONS.put("abs", new Fn(1, a -> F.Abs(a[0]), "absolute value"));
        FUNCTIONS.put("max", new Fn(2, a -> F.Max(a[0], a[1]), "maximum of two"));
        FUNCTIONS.put("min", new Fn(2, a -> F.Min(a[0], a[1]), "minimum of two"));
    }

    /** The constants of the grammar. */
    static final List<String> CONSTANTS = List.of("e", "pi");

    /** Whether a name is a function or constant of the grammar. */
    static boolean isReserved(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return FUNCTIONS.containsKey(n) || CONSTANTS.contains(n);
    }
}
