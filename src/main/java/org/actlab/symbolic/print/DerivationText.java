package org.actlab.symbolic.print;

import java.util.ArrayList;
import java.util.List;

import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.Derivation.Asymptote;
import org.actlab.symbolic.Derivation.Breakpoint;
import org.actlab.symbolic.Derivation.Limit;
import org.actlab.symbolic.Derivation.MonotoneRange;
import org.actlab.symbolic.Derivation.PieceResult;
import org.actlab.symbolic.Derivation.StationaryPoint;
import org.actlab.symbolic.ExpressionParser;
import org.actlab.symbolic.GradientSpec;
import org.actlab.symbolic.Interval;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/** The plain-text report of a {@link Derivation} (what {@code actlab derive} prints by default). */
public final class DerivationText {
    private DerivationText() {
    }

    /** The report. */
    public static String print(Derivation d) {
        ExpressionPrinter p = Dialect.TEXT.printer(d.spec().symbols(), null);
        GradientSpec spec = d.spec();
        StringBuilder b = new StringBuilder();
        b.append("derivation: ").append(spec.name()).append('\n');
        b.append("gradient g(x):\n");
        int width = spec.pieces().stream().mapToInt(pc -> pc.domain().condition().length()).max().orElse(0);
        for (GradientSpec.Piece pc : spec.pieces()) {
            b.append("  ").append(pad(pc.domain().condition(), width)).append(" : ").append(p.print(pc.gradient())).append('\n');
        }
        if (!spec.symbols().parameterNames().isEmpty()) {
            b.append("parameters: ").append(String.join(", ", spec.symbols().parameterNames().stream().map(p::name).toList()));
            if (!spec.assumptions().isEmpty()) {
                b.append("; assuming ").append(String.join(", ", spec.assumptions().stream()
                        .map(r -> relation(r, p)).toList()));
            }
            b.append('\n');
        }
        b.append("activation f(x) = ∫ g, continuous, with f(").append(Interval.format(spec.anchorX())).append(") = ")
                .append(p.print(spec.anchorY())).append(":\n");
        for (PieceResult r : d.pieces()) {
            b.append("  ").append(pad(r.domain().condition(), width)).append(" : ")
                    .append(r.activation() == null ? "(no closed form: numeric integral of g)" : p.print(r.activation()))
                    .append("   [").append(proof(r)).append("]\n");
        }
        if (!d.breakpoints().isEmpty()) {
            b.append("smoothness:\n");
            for (Breakpoint bp : d.breakpoints()) {
                b.append("  x = ").append(Interval.format(bp.x())).append(": ").append(smoothness(bp, p)).append('\n');
            }
        }
        b.append("at 0: f(0) = ").append(d.valueAtZero() == null ? "(numeric)" : p.print(d.valueAtZero()));
        IExpr[] s = d.slopeAtZero();
        if (s[0].equals(s[1])) {
            b.append(", f'(0) = ").append(p.print(s[0]));
        } else {
            b.append(", f'(0-) = ").append(p.print(s[0])).append(", f'(0+) = ").append(p.print(s[1]));
        }
        b.append('\n');
        b.append("limits: f'(-inf) = ").append(limit(d.limits().dfMinus(), p))
                .append(", f'(+inf) = ").append(limit(d.limits().dfPlus(), p))
                .append(", f(-inf) = ").append(limit(d.limits().fMinus(), p))
                .append(", f(+inf) = ").append(limit(d.limits().fPlus(), p)).append('\n');
        b.append("asymptotes: ");
        List<String> as = new ArrayList<>();
        for (Asymptote a : d.asymptotes()) {
            as.add(asymptote(a, p));
        }
        b.append(String.join("; ", as)).append('\n');
        b.append("stationary points:");
        if (d.stationary().isEmpty()) {
            b.append(" none\n");
        } else {
            b.append('\n');
            for (StationaryPoint sp : d.stationary()) {
                b.append("  ").append(stationary(sp, p)).append('\n');
            }
        }
        b.append("global minimum: ");
        if (d.globalMinimum() != null) {
            StationaryPoint m = d.globalMinimum();
            if (m.kind() == Derivation.StationaryKind.CONSTANT_INTERVAL) {
                b.append("f = ").append(m.value() == null ? "?" : p.print(m.value())).append(" on the flat range");
            } else {
                b.append("at x* = ").append(p.print(m.x()));
                if (m.valueInX() != null) {
                    b.append(", f(x*) = ").append(p.print(m.valueInX()));
                } else if (m.value() != null) {
                    b.append(", f(x*) = ").append(p.print(m.value()));
                }
            }
            b.append(" (").append(d.minimumNote()).append(")\n");
        } else {
            b.append(d.minimumNote()).append('\n');
        }
        if (!d.monotone().isEmpty()) {
            b.append("monotone: ");
            List<String> ms = new ArrayList<>();
            for (MonotoneRange m : d.monotone()) {
                String range = "(" + (m.from() == null ? "-inf" : p.print(m.from())) + ", "
                        + (m.to() == null ? "inf" : p.print(m.to())) + ")";
                String what = m.direction() == null ? "undecided on" : m.direction() > 0 ? "increasing on"
                        : m.direction() < 0 ? "decreasing on" : "constant on";
                ms.add(what + " " + range);
            }
            b.append(String.join(", ", ms)).append('\n');
        }
        for (String note : d.notes()) {
            b.append("note: ").append(note).append('\n');
        }
        return b.toString();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    static String proof(PieceResult r) {
        return switch (r.proof()) {
            case PROVED -> "f' = g proved";
            case NUMERIC -> "f' = g checked numerically only";
            case BY_CONSTRUCTION -> "numeric";
            case FAILED -> "f' = g FAILED";
        };
    }

    static String superscript(int k) {
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(k).toCharArray()) {
            b.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return b.toString();
    }

    static String derivative(int k) {
        return k <= 3 ? "f" + "'".repeat(k) : "f^(" + k + ")";
    }

    /** {@code C¹, not C²: f'' jumps by 2·α_p − α_n (right − left)}. */
    public static String smoothness(Breakpoint bp, ExpressionPrinter p) {
        if (bp.smooth()) {
            return "C^inf (the pieces are the same function)";
        }
        if (bp.jump() == null) {
            return "C" + superscript(bp.smoothness()) + " at least (derivatives up to order " + bp.checkedUpTo() + " match)";
        }
        if (bp.jump() == org.matheclipse.core.expression.S.Infinity) {
            return "C" + superscript(bp.smoothness()) + ", not C" + superscript(bp.smoothness() + 1) + ": "
                    + derivative(bp.jumpOrder()) + " is unbounded at the breakpoint on one side";
        }
        String jump = p.print(bp.jump());
        String s = "C" + superscript(bp.smoothness()) + ", not C" + superscript(bp.smoothness() + 1) + ": "
                + derivative(bp.jumpOrder()) + " jumps by " + jump + " (right minus left)";
        if (!bp.jump().isFree(e -> e.isSymbol() && p.isParameter((org.matheclipse.core.interfaces.ISymbol) e), true)) {
            s += "; C" + superscript(bp.smoothness() + 1) + " only where " + jump + " = 0";
        }
        return s;
    }

    static String limit(Limit l, ExpressionPrinter p) {
        return switch (l.kind()) {
            case FINITE -> p.print(l.value());
            case PLUS_INFINITY -> "+inf";
            case MINUS_INFINITY -> "-inf";
            case SIGN_DEPENDS -> "±inf (by the sign of " + p.print(l.value()) + ")";
            case UNKNOWN -> "(not determined)";
        };
    }

    static String asymptote(Asymptote a, ExpressionPrinter p) {
        String side = a.direction() < 0 ? "x -> -inf: " : "x -> +inf: ";
        if (a.slope() != null) {
            if (a.slope().isZero()) {
                return side + "f -> " + p.print(a.intercept()) + " (horizontal asymptote)";
            }
            IExpr line = a.intercept().isZero() ? F.Times(a.slope(), p.x()) : F.Plus(F.Times(a.slope(), p.x()), a.intercept());
            return side + "f(x) ~ " + p.print(line) + " (asymptote)";
        }
        if (a.growth() != null) {
            return side + "no asymptote, f grows like " + p.print(a.growth());
        }
        return side + "(not determined)";
    }

    static String stationary(StationaryPoint sp, ExpressionPrinter p) {
        if (sp.kind() == Derivation.StationaryKind.CONSTANT_INTERVAL) {
            return "f' = 0 on the whole piece: " + sp.note() + (sp.value() == null ? "" : ", f = " + p.print(sp.value()));
        }
        StringBuilder b = new StringBuilder("x* = ").append(p.print(sp.x())).append(" (")
                .append(sp.kind().name().toLowerCase()).append(", ").append(sp.note()).append(")");
        if (sp.valueInX() != null) {
            b.append(", f(x*) = ").append(p.print(sp.valueInX()));
        } else if (sp.value() != null && sp.value().leafCount() <= 60) {
            b.append(", f(x*) = ").append(p.print(sp.value()));
        } else if (sp.value() != null) {
            b.append(", f(x*) in closed form (long: see --emit json)");
        }
        return b.toString();
    }

    /** The relation as text. */
    static String relation(ExpressionParser.Relation r, ExpressionPrinter p) {
        return p.print(r.lhs()) + " " + r.op() + " " + p.print(r.rhs());
    }
}
