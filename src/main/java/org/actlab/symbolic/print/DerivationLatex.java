package org.actlab.symbolic.print;

import java.util.ArrayList;
import java.util.List;

import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.Derivation.PieceResult;
import org.actlab.symbolic.GradientSpec;
import org.actlab.symbolic.Interval;

/** A {@link Derivation} as LaTeX: g and f as {@code cases} environments, then the facts. */
public final class DerivationLatex {
    private DerivationLatex() {
    }

    /** The LaTeX fragment (amsmath). */
    public static String print(Derivation d) {
        GradientSpec spec = d.spec();
        ExpressionPrinter tex = Dialect.LATEX.printer(spec.symbols(), null);
        StringBuilder b = new StringBuilder();
        b.append("% actlab derive ").append(CodeText.latexComment(spec.name())).append(": ").append(CodeText.latexComment(spec.source())).append('\n');
        b.append(gradientCases(spec, tex)).append("\n\n");
        b.append(activationCases(d, tex)).append('\n');
        for (String fact : facts(d, tex, false)) {
            b.append("% ").append(fact).append('\n');
        }
        return b.toString();
    }

    /**
     * The same as Markdown with MathJax ({@code $$ … $$} displays, {@code $ … $} inline), for a notebook
     * cell or a README: g and f as displays, then the smoothness at each breakpoint and the minimum.
     */
    public static String markdown(Derivation d) {
        GradientSpec spec = d.spec();
        ExpressionPrinter tex = Dialect.LATEX.printer(spec.symbols(), null);
        StringBuilder b = new StringBuilder();
        b.append("$$").append(gradientCases(spec, tex)).append("$$\n\n");
        b.append("$$").append(activationCases(d, tex)).append("$$\n\n");
        for (String fact : facts(d, tex, true)) {
            b.append("- ").append(fact).append('\n');
        }
        return b.toString();
    }

    /**
     * The smoothness at each breakpoint and the global minimum, one line each: bare LaTeX for the comments of
     * {@link #print}, or with {@code $ … $} around the formulas for {@link #markdown}.
     */
    private static List<String> facts(Derivation d, ExpressionPrinter tex, boolean markdown) {
        String m = markdown ? "$" : "";
        List<String> out = new ArrayList<>();
        for (Derivation.Breakpoint bp : d.breakpoints()) {
            String at = "at " + m + "x = " + Interval.format(bp.x()) + m + ": ";
            if (bp.smooth()) {
                out.add(at + (markdown ? "$f \\in C^\\infty$" : "C^\\infty"));
            } else if (bp.jump() == null) {
                out.add(at + m + (markdown ? "f \\in " : "") + "C^{" + bp.smoothness() + "}" + m + " at least");
            } else {
                out.add(at + m + "f \\in C^{" + bp.smoothness() + "}" + m + (markdown ? ", and " : ", ") + m + "f^{(" + bp.jumpOrder()
                        + ")}" + m + " jumps by " + m + tex.print(bp.jump()) + m);
            }
        }
        Derivation.StationaryPoint min = d.globalMinimum();
        if (min != null && min.x() != null && min.kind() != Derivation.StationaryKind.CONSTANT_INTERVAL) {
            out.add("global minimum at " + m + "x^* = " + tex.print(min.x()) + m);
        }
        return out;
    }

    private static String gradientCases(GradientSpec spec, ExpressionPrinter tex) {
        List<String> rows = new ArrayList<>();
        for (GradientSpec.Piece p : spec.pieces()) {
            rows.add("  " + tex.print(p.gradient()) + " & " + condition(p.domain()));
        }
        return "g(x) = \\begin{cases}\n" + String.join(" \\\\\n", rows) + "\n\\end{cases}";
    }

    private static String activationCases(Derivation d, ExpressionPrinter tex) {
        List<String> rows = new ArrayList<>();
        for (PieceResult r : d.pieces()) {
            rows.add("  " + (r.activation() == null ? "\\int_{x_0}^{x} g(t)\\,dt" : tex.print(r.activation()))
                    + " & " + condition(r.domain()));
        }
        return "f(x) = \\begin{cases}\n" + String.join(" \\\\\n", rows) + "\n\\end{cases}";
    }

    private static String condition(Interval d) {
        if (d.lo() == null && d.hi() == null) {
            return "\\text{for all } x";
        }
        String lo = d.lo() == null ? "" : Interval.format(d.lo()) + (d.loClosed() ? " \\le " : " < ");
        String hi = d.hi() == null ? "" : (d.hiClosed() ? " \\le " : " < ") + Interval.format(d.hi());
        if (d.lo() == null) {
            return "x" + hi;
        }
        if (d.hi() == null) {
            return "x" + (d.loClosed() ? " \\ge " : " > ") + Interval.format(d.lo());
        }
        return lo + "x" + hi;
    }
}
