package org.actlab.symbolic.print;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.actlab.io.Numbers;
import org.actlab.symbolic.Forms;
import org.actlab.symbolic.Symbols;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Prints Symja expressions as infix text, with the user's names for x and the parameters. This class
 * is the traversal (precedence, term order, signs, fractions) that every dialect shares; one subclass
 * per {@link Dialect} ({@link Dialect#printer}) says how each piece is written ({@link TextPrinter}, {@link PlainPrinter},
 * {@link LatexPrinter}, {@link JavaPrinter}, {@link PyTorchPrinter}), as SymPy's printers do. Code
 * dialects print the marker heads of {@link StableForms} ({@code expm1}, {@code softplus},
 * {@code logcosh}, {@code sigmoid}, {@code erfc}) as library calls: {@code Math} and
 * {@code SpecialFunctions} in Java, {@code torch} and the emitted module's helpers in PyTorch.
 */
public abstract class ExpressionPrinter {
    static final int SUM = 1;
    static final int PRODUCT = 2;
    static final int POWER = 3;
    static final int ATOM = 4;

    static final Map<String, String> GREEK = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("eta", "η"), Map.entry("theta", "θ"), Map.entry("kappa", "κ"),
            Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("omega", "ω"));

    final Symbols symbols;
    final Function<ISymbol, String> codeName;

    ExpressionPrinter(Symbols symbols, Function<ISymbol, String> codeName) {
        this.symbols = symbols;
        this.codeName = codeName;
    }

    // What each dialect writes: the hooks its subclass fills in.

    /** How a user name is shown in this dialect ({@code alpha_p}: {@code α_p}, {@code \\alpha_{p}}). */
    public abstract String name(String user);

    /** +∞. */
    abstract String infinity();

    /** π. */
    abstract String pi();

    /** Euler's number. */
    abstract String e();

    /** Whether this is a code dialect: constants as doubles, integers as double literals, parameters by {@code codeName}. */
    boolean code() {
        return false;
    }

    /** A constant subexpression that is not finite (NaN or ±∞), in a code dialect. */
    String nonFinite(double v) {
        throw new IllegalStateException("only code dialects print constants as doubles");
    }

    /** An integer literal (its digits; a double literal in code). */
    String integer(IExpr e) {
        return e.toString();
    }

    /** A rational that is not an integer, parenthesised as {@code context} needs. */
    abstract String rational(BigFraction f, boolean negative, int context);

    /** Whether {@code 1/(1 + e^(−u))} is written {@code σ(u)}. */
    boolean writesSigmoid() {
        return false;
    }

    /** σ(u) (only where {@link #writesSigmoid}). */
    String sigmoid(String u) {
        throw new IllegalStateException("this dialect writes no σ");
    }

    /** The product sign. */
    abstract String times();

    /** Whether a rational coefficient of a product is split into its numerator and denominator. */
    boolean splitsRationalCoefficient() {
        return true;
    }

    /** A product with denominator factors {@code den}: {@code numerator/d}. */
    String quotient(List<String> parts, String numerator, List<IExpr> den) {
        String d;
        if (den.size() == 1) {
            d = print(den.get(0), POWER);
        } else {
            List<String> dp = new ArrayList<>();
            for (IExpr f : den) {
                dp.add(print(f, PRODUCT + 1));
            }
            d = "(" + String.join(times(), dp) + ")";
        }
        String n = parts.isEmpty() ? one() : numerator;
        if (parts.size() > 1 && parenthesisesNumerator()) {
            n = "(" + n + ")";
        }
        return n + "/" + d;
    }

    /** 1 as a numerator. */
    String one() {
        return "1";
    }

    /** Whether a numerator of several factors is parenthesised. */
    boolean parenthesisesNumerator() {
        return true;
    }

    /** e^u. */
    abstract String exp(String u);

    /** √u. */
    abstract String sqrt(String u);

    /** {@code 1/b^k} for a negative integer power k of b: {@code positive} is b^(−k), {@code r} it printed at power precedence. */
    abstract String reciprocal(IExpr positive, String r);

    /** Any other power: {@code b} is the base printed for a power. */
    abstract String power(String b, IExpr base, IExpr k);

    /** Li₂(z). */
    abstract String dilogarithm(String z);

    /** A function call, by the function's lower-case name. */
    abstract String call(String key, String arguments);

    /**
     * Whether {@code e} is a constant that is not a plain number ({@code 1/√2}, {@code π²/6}): code
     * printers write its double value instead of computing it.
     */
    static boolean isConstantSubexpression(IExpr e, Symbols symbols) {
        return !e.isNumber() && e.isNumericFunction(true)
                && e.isFree(h -> h.isSymbol() && symbols.nameOf((ISymbol) h) != null, true);
    }

    /** Whether a symbol is a parameter of the table. */
    public boolean isParameter(ISymbol s) {
        return symbols.indexOf(s) >= 0;
    }

    /** The variable. */
    public ISymbol x() {
        return symbols.x();
    }

    /** Prints {@code e}. */
    public String print(IExpr e) {
        return print(e, 0);
    }

    String print(IExpr e, int context) {
        String s;
        int prec;
        if (e.isInfinity() || e.isNegativeInfinity()) {
            String inf = infinity();
            return e.isNegativeInfinity() ? (context >= PRODUCT ? "(-" + inf + ")" : "-" + inf) : inf;
        }
        if (code() && isConstantSubexpression(e, symbols)) {
            // a constant subexpression (1/√2, π²/6): its double value, so code never calls math on constants
            double v = e.evalDouble();
            if (!Double.isFinite(v)) {
                return nonFinite(v);
            }
            String literal = Numbers.format(Math.abs(v));
            return v < 0 ? (context >= PRODUCT ? "(-" + literal + ")" : "-" + literal) : literal;
        }
        if (e.isNumber() || e.isRational()) {
            return number(e, context);
        }
        if (e.isSymbol()) {
            return symbol((ISymbol) e);
        }
        IAST a = (IAST) e;
        IExpr h = a.head();
        if (h == S.Plus) {
            s = sum(a);
            prec = SUM;
        } else if (h == S.Times) {
            s = product(a);
            prec = isNegativeTerm(a) ? SUM : PRODUCT;
        } else if (h == S.Power) {
            return power(a, context);
        } else {
            s = function(a);
            prec = ATOM;
        }
        return prec < context ? "(" + s + ")" : s;
    }

    private String symbol(ISymbol s) {
        if (s == S.Pi) {
            return pi();
        }
        if (s == S.E) {
            return e();
        }
        String user = symbols.nameOf(s);
        if (user == null) {
            user = s.toString();
        }
        if (codeName != null && code() && s != symbols.x()
                && symbols.indexOf(s) >= 0) {
            return codeName.apply(s);
        }
        return name(user);
    }

    private String number(IExpr e, int context) {
        String s;
        boolean negative = e.isNegative();
        if (e.isRational() && !e.isInteger() && ((IRational) e).toBigFraction().getDenominator().equals(BigInteger.ONE)) {
            e = F.ZZ(((IRational) e).toBigFraction().getNumerator());   // p/1 as an integer
        }
        if (e.isInteger()) {
            s = integer(e);
        } else if (e.isRational()) {
            return rational(((IRational) e).toBigFraction(), negative, context);
        } else {
            s = Numbers.format(e.evalDouble());
        }
        return negative && context >= PRODUCT ? "(" + s + ")" : s;
    }

    static boolean isDyadic(BigInteger d) {
        return d.bitCount() == 1 && d.bitLength() < 60;
    }

    private boolean isNegativeTerm(IExpr t) {
        if (t.isNumber()) {
            return t.isNegative();
        }
        return t.isTimes() && t.first().isNumber() && t.first().isNegative();
    }

    private String sum(IAST a) {
        List<IExpr> terms = new ArrayList<>();
        for (IExpr t : a) {
            terms.add(t);
        }
        // conventional order: terms in x by falling degree (non-polynomial ones first), then the rest,
        // a positive term first where there is one (β − α_n rather than −α_n + β)
        terms.sort(java.util.Comparator.comparingInt(t -> -degree(t)));
        if (isNegativeTerm(terms.get(0))) {
            for (int i = 1; i < terms.size(); i++) {
                if (!isNegativeTerm(terms.get(i)) && degree(terms.get(i)) == degree(terms.get(0))) {
                    terms.add(0, terms.remove(i));
                    break;
                }
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            IExpr t = terms.get(i);
            boolean neg = isNegativeTerm(t);
            IExpr shown = neg ? negate(t) : t;
            String body = print(shown, SUM + 1);
            if (i == 0) {
                b.append(neg ? "-" : "").append(body);
            } else {
                b.append(neg ? " - " : " + ").append(body);
            }
        }
        return b.toString();
    }

    /** Degree of a term in x: 100 for non-polynomial terms in x, the power of x otherwise, −1 when free of x. */
    private int degree(IExpr t) {
        if (t.isFree(symbols.x())) {
            return -1;
        }
        if (t.equals(symbols.x())) {
            return 1;
        }
        if (t.isPower() && t.first().equals(symbols.x()) && t.second().isInteger()) {
            return t.second().toIntDefault();
        }
        if (t.isTimes()) {
            int d = 0;
            for (IExpr f : (IAST) t) {
                int k = degree(f);
                if (k >= 100) {
                    return 100;
                }
                d += Math.max(k, 0);
            }
            return d;
        }
        return 100;
    }

    private static IExpr negate(IExpr t) {
        if (t.isNumber()) {
            return t.negate();
        }
        IAST a = (IAST) t;
        IExpr c = a.first().negate();
        if (c.isOne()) {
            return a.argSize() == 2 ? a.arg2() : a.removeAtClone(1);
        }
        return a.setAtCopy(1, c);
    }

    private String product(IAST a) {
        List<IExpr> num = new ArrayList<>();
        List<IExpr> den = new ArrayList<>();
        IExpr coefficient = F.C1;
        for (IExpr f : a) {
            if (f.isRational() || f.isNumber()) {
                coefficient = f;
            } else if (f.isPower() && f.second().isMinusOne() && Forms.isOnePlusExp(f.first()) && writesSigmoid()) {
                num.add(f);
            } else if (f.isPower() && f.second().isRational() && f.second().isNegative() && f.first() != S.E) {
                IExpr k = f.second().negate();
                den.add(k.isOne() ? f.first() : F.Power(f.first(), k));
                continue;
            } else {
                num.add(f);
            }
        }
        boolean negative = coefficient.isNegative();
        IExpr mag = negative ? coefficient.negate() : coefficient;
        if (mag.isRational() && !mag.isInteger() && splitsRationalCoefficient()) {
            BigFraction f = ((IRational) mag).toBigFraction();
            mag = F.ZZ(f.getNumerator());
            den.add(0, F.ZZ(f.getDenominator()));
        }
        List<String> parts = new ArrayList<>();
        if (!mag.isOne() || num.isEmpty()) {
            parts.add(print(mag, POWER));
        }
        for (IExpr f : num) {
            parts.add(print(f, PRODUCT + 1 - (num.size() == 1 && parts.isEmpty() ? 1 : 0)));
        }
        String numerator = String.join(times(), parts);
        String result = den.isEmpty() ? numerator : quotient(parts, numerator, den);
        return (negative ? "-" : "") + result;
    }

    private String power(IAST a, int context) {
        IExpr base = a.arg1();
        IExpr k = a.arg2();
        if (base == S.E) {
            return exp(print(k, 0));
        }
        if (k.isRational() && ((IRational) k).toBigFraction().equals(BigFraction.ONE_HALF)) {
            return sqrt(print(base, 0));
        }
        if (k.isMinusOne() && writesSigmoid() && Forms.isOnePlusExp(base)) {
            return sigmoid(print(logisticArgument(base), 0));
        }
        if (k.isInteger() && k.isNegative()) {
            IExpr positive = k.isMinusOne() ? base : F.Power(base, k.negate());
            String s = reciprocal(positive, print(positive, POWER));
            return context >= POWER ? "(" + s + ")" : s;
        }
        return power(print(base, POWER + 1), base, k);
    }

    private static IExpr logisticArgument(IExpr b) {
        IExpr k = b.second().second();
        if (k.isNumber()) {
            return k.negate();
        }
        if (k.isTimes() && k.first().isNumber()) {
            IExpr c = k.first().negate();
            return c.isOne() ? (k.argSize() == 2 ? k.second() : ((IAST) k).removeAtClone(1)) : ((IAST) k).setAtCopy(1, c);
        }
        return F.Times(F.CN1, k);
    }

    private String function(IAST a) {
        IExpr h = a.head();
        String name = h.isSymbol() ? (symbols.nameOf((ISymbol) h) != null ? symbols.nameOf((ISymbol) h) : h.toString()) : h.toString();
        String key = name.toLowerCase(Locale.ROOT);
        if (h == S.PolyLog) {
            return dilogarithm(print(a.arg2(), 0));
        }
        List<String> args = new ArrayList<>();
        for (IExpr arg : a) {
            args.add(print(arg, 0));
        }
        return call(key, String.join(", ", args));
    }

    /** A function the code printers have no form for: refused rather than printed as an undefined call. */
    static String noCodeForm(String key, String language) {
        throw new org.actlab.ActlabException("the closed form uses " + key + "(...), which has no " + language
                + " form here; use " + org.actlab.ActlabException.field("emit") + " text/latex/json, or " + org.actlab.ActlabException.field("at") + " for numbers");
    }
}
