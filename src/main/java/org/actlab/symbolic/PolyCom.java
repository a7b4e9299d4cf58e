package org.actlab.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.actlab.ActlabException;
import org.actlab.symbolic.Derivation.Breakpoint;
import org.hipparchus.fraction.BigFraction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * PolyCom compositions expanded symbolically (Zhuo et al.):
 * <pre>
 *   type I:  f(x) = Σᵢ aᵢ·ρ(x)ⁱ        type II:  f(x) = Σᵢ aᵢ·ρ(xⁱ)
 * </pre>
 * For ReLU-like ρ the result is a piecewise polynomial with a breakpoint at 0, reported with its
 * derivative and its smoothness there (PolyReLU: C⁰ with f′ jumping by a₁, so differentiable only where
 * a₁ = 0). Coefficients are the symbols a_0 … a_r unless numbers are given. For ρ = norm the
 * normalisation divides each power by its norm over the feature vector, a per-layer constant written
 * n_i (n for type I); f′ is then the elementwise part of the Jacobian (the norms depend on all features).
 */
public final class PolyCom {
    /** The inner functions offered. */
    public static final List<String> RHOS = List.of("relu", "prelu", "sigmoid", "silu", "tanh", "gelu", "norm");

    /**
     * An expansion.
     *
     * @param type        1 or 2
     * @param rho         the inner function
     * @param order       r
     * @param symbols     x, the coefficients a_i (when symbolic), the PReLU slope or norms
     * @param pieces      the domains of the pieces
     * @param values      f on each piece
     * @param derivatives f′ on each piece
     * @param breakpoints smoothness at 0 (empty for smooth ρ)
     * @param note        what the expansion assumes (norm constants)
     */
    public record Expansion(int type, String rho, int order, Symbols symbols, List<Interval> pieces, List<IExpr> values,
                            List<IExpr> derivatives, List<Breakpoint> breakpoints, String note) {
    }

    private final SymbolicEngine engine;

    public PolyCom(SymbolicEngine engine) {
        this.engine = engine;
    }

    /**
     * The expansion; {@code coefficients} null for symbolic a_0 … a_r, else r + 1 decimals (ascending),
     * taken exactly as written.
     */
    public Expansion expand(int type, String rho, int order, List<String> coefficients) {
        if (type != 1 && type != 2) {
            throw new ActlabException(ActlabException.field("type") + " must be 1 (Σ a_i ρ(x)^i) or 2 (Σ a_i ρ(x^i)), got " + type);
        }
        String r = rho.toLowerCase(Locale.ROOT);
        if (!RHOS.contains(r)) {
            throw new ActlabException(ActlabException.field("rho") + " must be one of " + String.join(", ", RHOS) + ", got '" + rho + "'");
        }
        if (order < 1 || order > 12) {
            throw new ActlabException(ActlabException.field("order") + " must be between 1 and 12, got " + order);
        }
        if (coefficients != null && coefficients.size() != order + 1) {
            throw new ActlabException(ActlabException.field("coeffs") + " needs r + 1 = " + (order + 1) + " numbers a_0,...,a_r (ascending), got "
                    + coefficients.size());
        }
        List<String> names = new ArrayList<>();
        if (coefficients == null) {
            for (int i = 0; i <= order; i++) {
                names.add("a_" + i);
            }
        }
        if (r.equals("prelu")) {
            names.add("slope");
        }
        if (r.equals("norm")) {
            if (type == 1) {
                names.add("n");
            } else {
                for (int i = 1; i <= order; i++) {
                    names.add("n_" + i);
                }
            }
        }
        Symbols sy = new Symbols(names);
        ISymbol x = sy.x();
        IExpr[] a = new IExpr[order + 1];
        for (int i = 0; i <= order; i++) {
            a[i] = coefficients == null ? sy.parameter("a_" + i) : decimal(coefficients.get(i));
        }
        boolean piecewise = r.equals("relu") || r.equals("prelu");
        List<Interval> domains = piecewise
                ? List.of(new Interval(null, false, BigFraction.ZERO, true), new Interval(BigFraction.ZERO, false, null, false))
                : List.of(Interval.ALL);
        List<IExpr> values = new ArrayList<>();
        for (int side = 0; side < domains.size(); side++) {
            boolean negative = piecewise && side == 0;
            IExpr sum = F.C0;
            for (int i = 0; i <= order; i++) {
                IExpr term = type == 1 ? power(rho(r, x, negative, sy, 0), i) : rho(r, F.Power(x, F.ZZ(i)),
                        negative && i % 2 == 1, sy, i);
                if (type == 2 && i == 0) {
                    term = rho(r, F.C1, false, sy, 0);   // ρ(x⁰) = ρ(1)
                }
                sum = F.Plus(sum, F.Times(a[i], term));
            }
            values.add(engine.eval("expand", F.Expand(sum)));
        }
        List<IExpr> derivatives = new ArrayList<>();
        for (IExpr v : values) {
            derivatives.add(engine.eval("differentiate", F.Expand(F.D(v, x))));
        }
        List<Breakpoint> breakpoints = new ArrayList<>();
        if (piecewise) {
            breakpoints.add(smoothness(values.get(0), values.get(1), x, order));
        }
        String note = r.equals("norm") ? "n" + (type == 1 ? "" : "_i") + " = the norm of " + (type == 1 ? "x" : "x^i")
                + " over the feature vector (RMS form: sqrt(mean(u^2) + eps)), constant per layer; f' is the elementwise"
                + " part of the Jacobian" : "";
        return new Expansion(type, r, order, sy, domains, values, derivatives, breakpoints, note);
    }

    private static IExpr decimal(String text) {
        java.math.BigDecimal value;
        try {
            value = new java.math.BigDecimal(text.strip());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ActlabException(ActlabException.field("coeffs") + ": '" + org.actlab.io.Excerpt.of(text) + "' is not a decimal number");
        }
        String problem = ExpressionParser.literalProblem(value);
        if (problem != null) {
            throw new ActlabException(ActlabException.field("coeffs") + ": '" + org.actlab.io.Excerpt.of(text) + "' " + problem);
        }
        return ExpressionParser.rational(value);
    }

    /** ρ(u); {@code negative} selects the x ≤ 0 branch of ReLU and PReLU. */
    private static IExpr rho(String r, IExpr u, boolean negative, Symbols sy, int power) {
        return switch (r) {
            case "relu" -> negative ? F.C0 : u;
            case "prelu" -> negative ? F.Times(sy.parameter("slope"), u) : u;
            case "sigmoid" -> Forms.sigmoid(u);
            case "silu" -> F.Times(u, Forms.sigmoid(u));
            case "tanh" -> F.unaryAST1(S.Tanh, u);
            case "gelu" -> F.Times(u, Forms.normalCdf(u));
            default -> F.Divide(u, power == 0 ? (sy.parameter("n") != null ? sy.parameter("n") : F.C1)
                    : sy.parameter("n_" + power));
        };
    }

    /** uⁱ with 0⁰ = 1 (the constant term of type I). */
    private static IExpr power(IExpr u, int i) {
        return i == 0 ? F.C1 : F.Power(u, F.ZZ(i));
    }

    private Breakpoint smoothness(IExpr left, IExpr right, ISymbol x, int order) {
        for (int k = 0; k <= order + 1; k++) {
            IExpr dl = k == 0 ? left : F.D(left, F.List(x, F.ZZ(k)));
            IExpr dr = k == 0 ? right : F.D(right, F.List(x, F.ZZ(k)));
            IExpr jump = engine.eval("jump at 0", F.unaryAST1(S.Simplify, F.Subtract(F.subst(engine.eval("d", dr), x, F.C0),
                    F.subst(engine.eval("d", dl), x, F.C0))));
            if (!jump.isZero()) {
                return new Breakpoint(BigFraction.ZERO, k - 1, k, jump, k);
            }
        }
        return new Breakpoint(BigFraction.ZERO, Integer.MAX_VALUE, 0, null, order + 1);
    }

    /**
     * Lemma 1 as identities, proved by expanding both sides on x ≤ 0 and x > 0 with symbolic
     * coefficients: ReLU = PolyReLU(0, 1); ReLU² = PolyReLU(0, 0, 1); and for every polynomial
     * p(x) = Σ cᵢxⁱ of degree ≤ r, p(x) = PolyReLU_c(x) + PolyReLU_{c′}(−x) with c′₀ = 0, c′ᵢ = (−1)ⁱcᵢ.
     *
     * @return one line per identity, {@code PASS} or {@code FAIL}, with the residuals
     */
    public List<String> lemma1(int order) {
        Symbols sy = new Symbols(namesC(order));
        ISymbol x = sy.x();
        List<String> out = new ArrayList<>();
        // on x > 0, ReLU(x) = x and ReLU(−x) = 0; on x ≤ 0, ReLU(x) = 0 and ReLU(−x) = −x
        IExpr[] reluX = {F.C0, x};
        IExpr[] reluMinusX = {F.Negate(x), F.C0};
        String[] side = {"x <= 0", "x > 0"};
        boolean reluOk = true;
        boolean relu2Ok = true;
        for (int s = 0; s < 2; s++) {
            IExpr relu = s == 0 ? F.C0 : x;
            reluOk &= zero(F.Subtract(relu, polyRelu(new IExpr[] {F.C0, F.C1}, reluX[s])));
            relu2Ok &= zero(F.Subtract(F.Sqr(relu), polyRelu(new IExpr[] {F.C0, F.C0, F.C1}, reluX[s])));
        }
        out.add((reluOk ? "PASS" : "FAIL") + "  ReLU(x) = PolyReLU_(0,1)(x) on x <= 0 and x > 0");
        out.add((relu2Ok ? "PASS" : "FAIL") + "  ReLU(x)^2 = PolyReLU_(0,0,1)(x) on x <= 0 and x > 0");
        IExpr[] c = new IExpr[order + 1];
        IExpr[] cPrime = new IExpr[order + 1];
        IExpr p = F.C0;
        for (int i = 0; i <= order; i++) {
            c[i] = sy.parameter("c_" + i);
            cPrime[i] = i == 0 ? F.C0 : (i % 2 == 0 ? c[i] : F.Negate(c[i]));
            p = F.Plus(p, F.Times(c[i], F.Power(x, F.ZZ(i))));
        }
        for (int s = 0; s < 2; s++) {
            IExpr residual = engine.eval("Lemma 1", F.Expand(F.Subtract(p,
                    F.Plus(polyRelu(c, reluX[s]), polyRelu(cPrime, reluMinusX[s])))));
            out.add((residual.isZero() ? "PASS" : "FAIL") + "  sum c_i x^i (i <= " + order + ") = PolyReLU_c(x) + PolyReLU_c'(-x)"
                    + " on " + side[s] + " (residual " + residual + ")");
        }
        return out;
    }

    private static List<String> namesC(int order) {
        List<String> n = new ArrayList<>();
        for (int i = 0; i <= order; i++) {
            n.add("c_" + i);
        }
        return n;
    }

    /** Σ aᵢ·ρⁱ for a given value ρ of ReLU (ρ⁰ = 1). */
    private static IExpr polyRelu(IExpr[] a, IExpr relu) {
        IExpr sum = F.C0;
        for (int i = 0; i < a.length; i++) {
            sum = F.Plus(sum, F.Times(a[i], power(relu, i)));
        }
        return sum;
    }

    private boolean zero(IExpr e) {
        return engine.eval("Lemma 1", F.Expand(e)).isZero();
    }
}
