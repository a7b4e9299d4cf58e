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
 * Prints Symja expressions as infix text in one {@link Dialect}, with the user's names for x and the
 * parameters (Greek letters in text and LaTeX: {@code alpha_p} prints as {@code α_p} and
 * {@code \alpha_{p}}). Code dialects print the marker heads of {@link StableForms} ({@code expm1},
 * {@code softplus}, {@code logcosh}, {@code sigmoid}, {@code erfc}) as library calls: {@code Math} and
 * {@code SpecialFunctions} in Java, {@code torch} and the emitted module's helpers in PyTorch.
 */
public final class ExpressionPrinter {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int POWER = 3;
    private static final int ATOM = 4;

    private static final Map<String, String> GREEK = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("eta", "η"), Map.entry("theta", "θ"), Map.entry("kappa", "κ"),
            Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("omega", "ω"));

    private final Dialect dialect;
    private final Symbols symbols;
    private final Function<ISymbol, String> codeName;

    /**
     * @param dialect  the language
     * @param symbols  the symbol table (user names)
     * @param codeName for code dialects, how a parameter is referenced ({@code p[0]}, {@code alpha_p}); may be null
     */
    public ExpressionPrinter(Dialect dialect, Symbols symbols, Function<ISymbol, String> codeName) {
        this.dialect = dialect;
        this.symbols = symbols;
        this.codeName = codeName;
    }

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

    /** The display form of a user name in this dialect. */
    public String name(String user) {
        if (dialect == Dialect.JAVA || dialect == Dialect.PYTORCH || dialect == Dialect.PLAIN) {
            return user;
        }
        String base = user;
        String sub = null;
        int u = user.indexOf('_');
        if (u > 0) {
            base = user.substring(0, u);
            sub = user.substring(u + 1);
        }
        String g = GREEK.get(base.toLowerCase(Locale.ROOT));
        if (dialect == Dialect.TEXT) {
            return (g == null ? base : g) + (sub == null ? "" : "_" + sub);
        }
        String tex = g == null ? (base.length() == 1 ? base : "\\mathrm{" + base + "}") : "\\" + base.toLowerCase(Locale.ROOT);
        return tex + (sub == null ? "" : "_{" + sub + "}");
    }

    /** Prints {@code e}. */
    public String print(IExpr e) {
        return print(e, 0);
    }

    private String print(IExpr e, int context) {
        String s;
        int prec;
        if (e.isInfinity() || e.isNegativeInfinity()) {
            String inf = switch (dialect) {
                case TEXT, PLAIN -> "inf";
                case LATEX -> "\\infty";
                case JAVA -> "Double.POSITIVE_INFINITY";
                case PYTORCH -> "math.inf";
            };
            return e.isNegativeInfinity() ? (context >= PRODUCT ? "(-" + inf + ")" : "-" + inf) : inf;
        }
        if ((dialect == Dialect.JAVA || dialect == Dialect.PYTORCH) && isConstantSubexpression(e, symbols)) {
            // a constant subexpression (1/√2, π²/6): its double value, so code never calls math on constants
            double v = e.evalDouble();
            if (!Double.isFinite(v)) {
                return Double.isNaN(v) ? (dialect == Dialect.JAVA ? "Double.NaN" : "math.nan") : codeDouble(v);
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
            return switch (dialect) {
                case TEXT -> "π";
                case PLAIN -> "pi";
                case LATEX -> "\\pi";
                case JAVA -> "Math.PI";
                case PYTORCH -> "math.pi";
            };
        }
        if (s == S.E) {
            return switch (dialect) {
                case TEXT, PLAIN -> "e";
                case LATEX -> "e";
                case JAVA -> "Math.E";
                case PYTORCH -> "math.e";
            };
        }
        String user = symbols.nameOf(s);
        if (user == null) {
            user = s.toString();
        }
        if (codeName != null && (dialect == Dialect.JAVA || dialect == Dialect.PYTORCH) && s != symbols.x()
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
            s = e.toString();
            if (dialect == Dialect.JAVA || dialect == Dialect.PYTORCH) {
                // beyond 2^53 an integer is written as its nearest double (a literal that cannot overflow)
                s = ((IRational) e).toBigFraction().getNumerator().bitLength() > 53
                        ? codeDouble(((IRational) e).toBigFraction().doubleValue()) : s + ".0";
            }
        } else if (e.isRational()) {
            BigFraction f = ((IRational) e).toBigFraction();
            if (dialect == Dialect.LATEX) {
                s = (negative ? "-" : "") + "\\frac{" + f.getNumerator().abs() + "}{" + f.getDenominator() + "}";
            } else if (dialect == Dialect.TEXT || dialect == Dialect.PLAIN) {
                s = f.getNumerator() + "/" + f.getDenominator();
                return context >= POWER ? "(" + s + ")" : s;
            } else if (isDyadic(f.getDenominator()) || f.getNumerator().bitLength() > 53 || f.getDenominator().bitLength() > 53) {
                s = codeDouble(f.doubleValue());
            } else {
                s = "(" + f.getNumerator() + ".0 / " + f.getDenominator() + ".0)";
                return s;
            }
        } else {
            s = Numbers.format(e.evalDouble());
        }
        return negative && context >= PRODUCT ? "(" + s + ")" : s;
    }

    /** A double as a code literal; a value beyond the double range as the language's infinity. */
    private String codeDouble(double v) {
        if (Double.isInfinite(v)) {
            String inf = dialect == Dialect.JAVA ? "Double.POSITIVE_INFINITY" : "math.inf";
            return v > 0 ? inf : "(-" + inf + ")";
        }
        return Numbers.format(Math.abs(v)).equals(Numbers.format(v)) ? Numbers.format(v) : "(" + Numbers.format(v) + ")";
    }

    private static boolean isDyadic(BigInteger d) {
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
            } else if (f.isPower() && f.second().isMinusOne() && Forms.isOnePlusExp(f.first())
                    && (dialect == Dialect.TEXT || dialect == Dialect.LATEX)) {
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
        if (mag.isRational() && !mag.isInteger() && dialect != Dialect.JAVA && dialect != Dialect.PYTORCH) {
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
        String result;
        if (den.isEmpty()) {
            result = numerator;
        } else {
            String d;
            if (den.size() == 1) {
                d = print(den.get(0), dialect == Dialect.LATEX ? 0 : POWER);
            } else {
                List<String> dp = new ArrayList<>();
                for (IExpr f : den) {
                    dp.add(print(f, PRODUCT + 1));
                }
                d = String.join(times(), dp);
                if (dialect != Dialect.LATEX) {
                    d = "(" + d + ")";
                }
            }
            if (dialect == Dialect.LATEX) {
                result = "\\frac{" + (parts.isEmpty() ? "1" : numerator) + "}{" + d + "}";
            } else {
                boolean text = dialect == Dialect.TEXT || dialect == Dialect.PLAIN;
                String n = parts.isEmpty() ? (text ? "1" : "1.0") : numerator;
                if (parts.size() > 1 && text) {
                    n = "(" + n + ")";
                }
                result = n + "/" + d;
            }
        }
        return (negative ? "-" : "") + result;
    }

    private String times() {
        return switch (dialect) {
            case TEXT -> "·";
            case PLAIN -> "*";
            case LATEX -> " ";
            case JAVA, PYTORCH -> " * ";
        };
    }

    private String power(IAST a, int context) {
        IExpr base = a.arg1();
        IExpr k = a.arg2();
        if (base == S.E) {
            String u = print(k, 0);
            return switch (dialect) {
                case TEXT, PLAIN -> "exp(" + u + ")";
                case LATEX -> "e^{" + u + "}";
                case JAVA -> "Math.exp(" + u + ")";
                case PYTORCH -> "torch.exp(" + u + ")";
            };
        }
        if (k.isRational() && ((IRational) k).toBigFraction().equals(BigFraction.ONE_HALF)) {
            String u = print(base, 0);
            return switch (dialect) {
                case TEXT -> "√(" + u + ")";
                case PLAIN -> "sqrt(" + u + ")";
                case LATEX -> "\\sqrt{" + u + "}";
                case JAVA -> "Math.sqrt(" + u + ")";
                case PYTORCH -> "torch.sqrt(" + u + ")";
            };
        }
        if (k.isMinusOne() && (dialect == Dialect.TEXT || dialect == Dialect.LATEX) && Forms.isOnePlusExp(base)) {
            IExpr u = logisticArgument(base);
            return (dialect == Dialect.TEXT ? "σ(" : "\\sigma\\left(") + print(u, 0) + (dialect == Dialect.TEXT ? ")" : "\\right)");
        }
        if (k.isInteger() && k.isNegative()) {
            IExpr positive = k.isMinusOne() ? base : F.Power(base, k.negate());
            String r = print(positive, POWER);
            String s = switch (dialect) {
                case LATEX -> "\\frac{1}{" + print(positive, 0) + "}";
                case TEXT, PLAIN -> "1/" + r;
                case JAVA, PYTORCH -> "1.0 / " + r;
            };
            return context >= POWER ? "(" + s + ")" : s;
        }
        String b = print(base, POWER + 1);
        String s;
        switch (dialect) {
            case TEXT -> s = b + (k.isInteger() && k.toIntDefault() >= 0 && k.toIntDefault() < 10
                    ? "⁰¹²³⁴⁵⁶⁷⁸⁹".substring(k.toIntDefault(), k.toIntDefault() + 1) : "^" + print(k, ATOM));
            case PLAIN -> s = b + "^" + print(k, ATOM);
            case LATEX -> s = b + "^{" + print(k, 0) + "}";
            case JAVA -> s = k.isInteger() && k.toIntDefault() == 2 ? "(" + b + " * " + b + ")"
                    : "Math.pow(" + print(base, 0) + ", " + print(k, 0) + ")";
            default -> s = k.isInteger() && k.toIntDefault() == 2 ? "torch.square(" + print(base, 0) + ")"
                    : "torch.pow(" + print(base, 0) + ", " + print(k, 0) + ")";
        }
        return s;
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
            String z = print(a.arg2(), 0);
            return switch (dialect) {
                case TEXT -> "Li₂(" + z + ")";
                case PLAIN -> "polylog2(" + z + ")";
                case LATEX -> "\\operatorname{Li}_{2}\\left(" + z + "\\right)";
                case JAVA -> "SpecialFunctions.dilog(" + z + ")";
                case PYTORCH -> "li2(" + z + ")";
            };
        }
        List<String> args = new ArrayList<>();
        for (IExpr arg : a) {
            args.add(print(arg, 0));
        }
        String joined = String.join(", ", args);
        return switch (dialect) {
            case TEXT -> textName(key) + "(" + joined + ")";
            case PLAIN -> (key.equals("logisticsigmoid") ? "sigmoid" : key) + "(" + joined + ")";
            case LATEX -> latexName(key) + "\\left(" + joined + "\\right)";
            case JAVA -> javaName(key) + "(" + joined + ")";
            case PYTORCH -> torchName(key) + "(" + joined + ")";
        };
    }

    /** A function the code printers have no form for: refused rather than printed as an undefined call. */
    private static String noCodeForm(String key, String language) {
        throw new org.actlab.ActlabException("the closed form uses " + key + "(...), which has no " + language
                + " form here; use " + org.actlab.ActlabException.field("emit") + " text/latex/json, or " + org.actlab.ActlabException.field("at") + " for numbers");
    }

    private static String textName(String key) {
        return switch (key) {
            case "log" -> "ln";
            case "logisticsigmoid" -> "σ";
            default -> key;
        };
    }

    private static String latexName(String key) {
        return switch (key) {
            case "log" -> "\\ln";
            case "tanh", "cosh", "sinh", "exp", "sin", "cos", "tan" -> "\\" + key;
            case "arctan" -> "\\arctan";
            case "logisticsigmoid" -> "\\sigma";
            case "arctanh" -> "\\operatorname{artanh}";
            default -> "\\operatorname{" + key + "}";
        };
    }

    private static String javaName(String key) {
        return switch (key) {
            case "log" -> "Math.log";
            case "tanh", "cosh", "sinh", "abs", "max", "min", "expm1", "log1p", "sin", "cos", "tan" -> "Math." + key;
            case "erf" -> "Erf.erf";
            case "erfc" -> "Erf.erfc";
            case "arctanh" -> "FastMath.atanh";
            case "arctan" -> "Math.atan";
            case "softplus", "logcosh", "sigmoid" -> "SpecialFunctions." + key;
            default -> noCodeForm(key, "Java");
        };
    }

    private static String torchName(String key) {
        return switch (key) {
            case "log", "cosh", "sinh", "abs", "expm1", "log1p", "erf", "erfc", "atanh", "sin", "cos", "tan"
                    -> "torch." + key;
            // helpers emitted with the module: torch.sigmoid and torch.tanh lose their gradients' tails (σ(1 − σ), 1 − tanh²)
            case "sigmoid", "logisticsigmoid" -> "_sigmoid";
            case "tanh" -> "_tanh";
            case "arctanh" -> "torch.atanh";
            case "arctan" -> "torch.atan";
            case "max" -> "torch.maximum";
            case "min" -> "torch.minimum";
            case "softplus", "logcosh" -> key;   // helpers emitted with the module
            default -> noCodeForm(key, "PyTorch");
        };
    }
}
