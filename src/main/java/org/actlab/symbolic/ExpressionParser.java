package org.actlab.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.actlab.ActlabException;
import org.actlab.io.Excerpt;
import org.actlab.io.Numbers;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Parses user text into Symja expressions through a whitelist. This is a parser of its own, not
 * Symja's: the grammar has numbers, the variable {@code x}, declared parameters, the constants
 * {@code E} and {@code Pi}, {@code + - * / ^}, parentheses, and the functions listed in
 * {@link Whitelist#FUNCTIONS}; anything else (an unknown function such as {@code Import}, a string, a list,
 * a Symja operator) is rejected with a message that names it. So no expression can reach Symja's
 * file, process, network or Java functions.
 *
 * <pre>
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power
 *   power   := primary ('^' unary)?          (right associative: -x^2 = -(x^2))
 *   primary := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
 *   relation:= expr ('<' | '<=' | '>' | '>=' | '==') expr
 * </pre>
 * Function names are case-insensitive ({@code Exp} or {@code exp}). {@code sigmoid(u)} becomes
 * {@code 1/(1 + e^(−u))}, {@code softplus(u)} becomes {@code log(1 + e^u)}, {@code phi(u)} (the standard
 * normal CDF) becomes {@code (1 + erf(u/√2))/2}, {@code elu(u)} is not offered (write the pieces).
 *
 * <p>Limits, checked while parsing so that no input can exhaust the stack or make Symja's work
 * explode: at most {@link #MAX_LENGTH} characters, nesting (parentheses, function calls, signs and
 * powers) at most {@link #MAX_DEPTH} deep, number literals with at most {@link #MAX_DIGITS}
 * significant digits and a magnitude from 1e-{@value #MAX_DECIMAL_EXPONENT} to
 * 1e{@value #MAX_DECIMAL_EXPONENT}, and a constant exponent at most {@link #MAX_CONSTANT_EXPONENT} in
 * size (unless the base is e). Only ASCII digits, letters and white space are read.
 */
public final class ExpressionParser {
    /** The most characters of one expression. */
    public static final int MAX_LENGTH = 2000;
    /** The deepest nesting of parentheses, calls, signs and powers. */
    public static final int MAX_DEPTH = 50;
    /** The most significant digits of a number literal. */
    public static final int MAX_DIGITS = 40;
    /** Number literals lie between 1e-300 and 1e300 in magnitude (or are 0). */
    public static final int MAX_DECIMAL_EXPONENT = 300;
    /** The largest |k| of a constant exponent in {@code u^k} (u not e): (x+1)^100000 is not symbolic work. */
    public static final int MAX_CONSTANT_EXPONENT = 64;

    static {
        SymjaSetup.configure();
    }

    /** A relation {@code lhs OP rhs} as parsed. */
    public record Relation(IExpr lhs, String op, IExpr rhs, String text) {
        /** The relation as a Symja expression. */
        public IExpr toExpr() {
            return switch (op) {
                case "<" -> F.Less(lhs, rhs);
                case "<=" -> F.LessEqual(lhs, rhs);
                case ">" -> F.Greater(lhs, rhs);
                case ">=" -> F.GreaterEqual(lhs, rhs);
                default -> F.Equal(lhs, rhs);
            };
        }

        /** Whether a numeric left and right side satisfy the relation. */
        public boolean holds(double l, double r) {
            return switch (op) {
                case "<" -> l < r;
                case "<=" -> l <= r;
                case ">" -> l > r;
                case ">=" -> l >= r;
                default -> l == r;
            };
        }
    }

    private final Symbols symbols;
    private final boolean allowX;
    private String text;
    private int pos;
    private int depth;

    /** A parser over a symbol table; {@code allowX} false rejects the variable (for assumptions). */
    public ExpressionParser(Symbols symbols, boolean allowX) {
        this.symbols = symbols;
        this.allowX = allowX;
    }

    /** The symbol table. */
    public Symbols symbols() {
        return symbols;
    }

    /** The names of the allowed functions, for messages and help. */
    public static String allowedFunctions() {
        return String.join(", ", Whitelist.FUNCTIONS.keySet());
    }

    /** Parses one expression. */
    public IExpr parse(String source) {
        start(source);
        IExpr e = expr();
        expectEnd();
        return e;
    }

    /** Parses one relation {@code a OP b}. */
    public Relation parseRelation(String source) {
        start(source);
        IExpr lhs = expr();
        String op = relationalOperator();
        if (op == null) {
            throw error("expected a comparison (<, <=, >, >=, ==)");
        }
        IExpr rhs = expr();
        expectEnd();
        return new Relation(lhs, op, rhs, source.strip());
    }

    /** Parses a conjunction {@code r1 && r2 && ...} of relations. */
    public List<Relation> parseConjunction(String source) {
        List<Relation> out = new ArrayList<>();
        for (String part : source.split("&&", -1)) {
            if (part.contains("||")) {
                throw new ActlabException("'||' is not supported in '" + Excerpt.of(source)
                        + "': a condition is one interval; write one piece per interval");
            }
            out.add(parseRelation(part));
        }
        return out;
    }

    private void start(String source) {
        if (source == null || source.isBlank()) {
            throw new ActlabException("empty expression");
        }
        if (source.length() > MAX_LENGTH) {
            throw new ActlabException("an expression has at most " + MAX_LENGTH + " characters, got "
                    + source.length() + " ('" + Excerpt.of(source) + "')");
        }
        this.text = source;
        this.pos = 0;
        this.depth = 0;
    }

    private IExpr expr() {
        IExpr left = term();
        while (true) {
            skip();
            if (peek('+')) {
                pos++;
                left = F.Plus(left, term());
            } else if (peek('-')) {
                pos++;
                left = F.Subtract(left, term());
            } else {
                return left;
            }
        }
    }

    private IExpr term() {
        IExpr left = unary();
        while (true) {
            skip();
            if (peek('*') && !peekAt(pos + 1, '*')) {
                pos++;
                left = F.Times(left, unary());
            } else if (peek('/')) {
                pos++;
                left = F.Divide(left, unary());
            } else {
                return left;
            }
        }
    }

    /** Every nesting (parenthesis, call argument, sign, exponent) passes through here once. */
    private IExpr unary() {
        if (++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " deep (parentheses, calls, signs and powers count)");
        }
        try {
            skip();
            if (peek('-')) {
                pos++;
                return F.Negate(unary());
            }
            if (peek('+')) {
                pos++;
                return unary();
            }
            return power();
        } finally {
            depth--;
        }
    }

    private IExpr power() {
        IExpr base = primary();
        skip();
        if (peek('^') || (peek('*') && peekAt(pos + 1, '*'))) {
            pos += peek('^') ? 1 : 2;
            int at = pos;
            IExpr exponent = unary();
            checkExponent(base, exponent, at);
            return F.Power(base, exponent);
        }
        return base;
    }

    private static final Symbols NO_SYMBOLS = new Symbols(List.of());

    /**
     * The double value of an expression of numbers, e and π (NaN when it holds x, a parameter or anything
     * not numeric), without Symja's evaluator: {@link NumericExpression} over an empty symbol table.
     */
    private static double constantValue(IExpr e) {
        try {
            return NumericExpression.compile(e, NO_SYMBOLS).value(0, new double[0]);
        } catch (ActlabException notConstant) {
            return Double.NaN;
        }
    }

    /** Refuses a constant exponent beyond {@link #MAX_CONSTANT_EXPONENT} (unless the base is e). */
    private void checkExponent(IExpr base, IExpr exponent, int at) {
        if (base == S.E) {
            return;
        }
        double k = constantValue(exponent);
        if (!Double.isNaN(k) && !(Math.abs(k) <= MAX_CONSTANT_EXPONENT)) {
            pos = at;
            throw error("the exponent " + (Double.isInfinite(k) ? "is too large" : "is " + Numbers.format(k))
                    + "; a constant exponent is at most " + MAX_CONSTANT_EXPONENT + " in size (e^u takes any u)");
        }
    }

    private IExpr primary() {
        skip();
        if (pos >= text.length()) {
            throw error("unexpected end of the expression");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            IExpr e = expr();
            expect(')');
            return e;
        }
        if (isDigit(c) || c == '.') {
            return number();
        }
        if (isLetter(c)) {
            int start = pos;
            while (pos < text.length() && (isLetter(text.charAt(pos)) || isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            skip();
            if (peek('(') || peek('[')) {
                return call(name);
            }
            return name(name);
        }
        throw error("unexpected character '" + c + "'" + (c > 127 ? " (only ASCII digits, letters and operators are read)" : ""));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private IExpr call(String name) {
        Whitelist.Fn fn = Whitelist.FUNCTIONS.get(name.toLowerCase(Locale.ROOT));
        if (fn == null) {
            throw new ActlabException("function '" + Excerpt.of(name) + "' is not allowed in expressions (allowed: "
                    + allowedFunctions() + ")");
        }
        if (peek('[')) {
            throw error("use parentheses for function calls: " + Excerpt.of(name) + "(...)");
        }
        pos++;
        List<IExpr> args = new ArrayList<>();
        args.add(expr());
        skip();
        while (peek(',')) {
            pos++;
            args.add(expr());
            skip();
        }
        expect(')');
        if (args.size() != fn.arity()) {
            throw new ActlabException(name + "(...) takes " + fn.arity() + " argument" + (fn.arity() == 1 ? "" : "s")
                    + ", got " + args.size());
        }
        return fn.build().apply(args.toArray(new IExpr[0]));
    }

    private IExpr name(String name) {
        if (name.equals("x")) {
            if (!allowX) {
                throw new ActlabException("the variable x cannot appear here (only parameters and numbers)");
            }
            return symbols.x();
        }
        var p = symbols.parameter(name);
        if (p != null) {
            return p;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("e")) {
            return S.E;
        }
        if (lower.equals("pi")) {
            return S.Pi;
        }
        if (Whitelist.FUNCTIONS.containsKey(lower)) {
            throw new ActlabException("function '" + name + "' needs an argument: " + name + "(...)");
        }
        throw new ActlabException("unknown symbol '" + Excerpt.of(name) + "' (the variable is x; declare parameters with " + ActlabException.field("param")
                + (symbols.parameterNames().isEmpty() ? "" : "; declared: " + String.join(", ", symbols.parameterNames()))
                + ")");
    }

    private IExpr number() {
        int start = pos;
        while (pos < text.length() && (isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && isDigit(text.charAt(pos))) {
                while (pos < text.length() && isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String literal = text.substring(start, pos);
        BigDecimal value;
        try {
            value = new BigDecimal(literal);
        } catch (NumberFormatException | ArithmeticException e) {
            pos = start;
            throw error("'" + Excerpt.of(literal) + "' is not a number");
        }
        String problem = literalProblem(value);
        if (problem != null) {
            pos = start;
            throw error("number '" + Excerpt.of(literal) + "' " + problem);
        }
        return rational(value);
    }

    /**
     * Why a decimal cannot be a number literal (too many digits, out of range), or null. Used for
     * every number a user types into a spec: expressions, conditions, assumptions, anchors.
     */
    static String literalProblem(BigDecimal value) {
        if (value.signum() == 0) {
            return null;
        }
        BigDecimal s = value.stripTrailingZeros();
        if (s.precision() > MAX_DIGITS) {
            return "has " + s.precision() + " significant digits (at most " + MAX_DIGITS + ")";
        }
        long exponent = (long) s.precision() - s.scale() - 1;   // value = d.ddd × 10^exponent
        if (exponent > MAX_DECIMAL_EXPONENT || exponent < -MAX_DECIMAL_EXPONENT) {
            return "is out of range (numbers lie between 1e-" + MAX_DECIMAL_EXPONENT + " and 1e" + MAX_DECIMAL_EXPONENT
                    + " in magnitude, or are 0)";
        }
        return null;
    }

    /** The exact rational value of a decimal. */
    static IExpr rational(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0) {
            return F.ZZ(s.toBigIntegerExact());
        }
        return F.QQ(F.ZZ(s.unscaledValue()), F.ZZ(BigInteger.TEN.pow(s.scale())));
    }

    private String relationalOperator() {
        skip();
        for (String op : new String[] {"<=", ">=", "==", "<", ">"}) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                return op;
            }
        }
        return null;
    }

    private void expect(char c) {
        skip();
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void expectEnd() {
        skip();
        if (pos < text.length()) {
            throw error("unexpected '" + Excerpt.of(text.substring(pos, Math.min(text.length(), pos + 12))) + "'");
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean peekAt(int i, char c) {
        return i < text.length() && text.charAt(i) == c;
    }

    private void skip() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\n'
                || text.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private ActlabException error(String what) {
        String where = text.length() <= Excerpt.MAX_CHARS ? "'" + Excerpt.of(text) + "'"
                : "'…" + Excerpt.of(text.substring(Math.max(0, pos - 20), Math.min(text.length(), pos + 20))) + "…' ("
                        + text.length() + " characters)";
        return new ActlabException(what + " at position " + (pos + 1) + " of " + where);
    }
}
