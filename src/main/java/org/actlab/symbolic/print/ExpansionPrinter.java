package org.actlab.symbolic.print;

import java.util.ArrayList;
import java.util.List;

import org.actlab.io.Json;
import org.actlab.symbolic.Derivation.Breakpoint;
import org.actlab.symbolic.Interval;
import org.actlab.symbolic.PolyCom;

/** A PolyCom {@link PolyCom.Expansion} as text (with its LaTeX) or JSON. */
public final class ExpansionPrinter {
    private ExpansionPrinter() {
    }

    private static String title(PolyCom.Expansion e) {
        return "PolyCom type " + (e.type() == 1 ? "I: sum a_i rho(x)^i" : "II: sum a_i rho(x^i)") + ", rho = " + e.rho()
                + ", r = " + e.order();
    }

    /** Text, then the LaTeX of f and f′. */
    public static String text(PolyCom.Expansion e) {
        ExpressionPrinter p = Dialect.TEXT.printer(e.symbols(), null);
        int w = e.pieces().stream().mapToInt(d -> d.condition().length()).max().orElse(0);
        StringBuilder b = new StringBuilder(title(e)).append('\n');
        b.append("f(x):\n");
        for (int i = 0; i < e.pieces().size(); i++) {
            b.append("  ").append(pad(e.pieces().get(i).condition(), w)).append(" : ").append(p.print(e.values().get(i))).append('\n');
        }
        b.append("f'(x):\n");
        for (int i = 0; i < e.pieces().size(); i++) {
            b.append("  ").append(pad(e.pieces().get(i).condition(), w)).append(" : ").append(p.print(e.derivatives().get(i))).append('\n');
        }
        if (e.breakpoints().isEmpty()) {
            b.append("smoothness: C^inf on the whole line (rho is smooth)\n");
        }
        for (Breakpoint bp : e.breakpoints()) {
            b.append("smoothness at x = ").append(Interval.format(bp.x())).append(": ")
                    .append(bp.smoothness() < 0 ? "not continuous: f jumps by " + p.print(bp.jump())
                            : DerivationText.smoothness(bp, p)).append('\n');
        }
        if (!e.note().isEmpty()) {
            b.append("note: ").append(e.note()).append('\n');
        }
        b.append("LaTeX:\n").append(latex(e));
        return b.toString();
    }

    /** f and f′ as LaTeX ({@code cases} when piecewise). */
    public static String latex(PolyCom.Expansion e) {
        ExpressionPrinter tex = Dialect.LATEX.printer(e.symbols(), null);
        StringBuilder b = new StringBuilder();
        for (String[] what : new String[][] {{"f(x)", "v"}, {"f'(x)", "d"}}) {
            List<IExprRow> rows = new ArrayList<>();
            for (int i = 0; i < e.pieces().size(); i++) {
                rows.add(new IExprRow(tex.print(what[1].equals("v") ? e.values().get(i) : e.derivatives().get(i)),
                        latexCondition(e.pieces().get(i))));
            }
            if (rows.size() == 1) {
                b.append(what[0]).append(" = ").append(rows.get(0).expr()).append('\n');
            } else {
                b.append(what[0]).append(" = \\begin{cases}\n");
                List<String> lines = new ArrayList<>();
                for (IExprRow r : rows) {
                    lines.add("  " + r.expr() + " & " + r.condition());
                }
                b.append(String.join(" \\\\\n", lines)).append("\n\\end{cases}\n");
            }
        }
        return b.toString();
    }

    private record IExprRow(String expr, String condition) {
    }

    private static String latexCondition(Interval d) {
        return d.condition().replace("<=", "\\le").replace(">=", "\\ge");
    }

    /** JSON: pieces with f and f′ (ASCII and LaTeX), breakpoints with smoothness. */
    public static String json(PolyCom.Expansion e) {
        ExpressionPrinter plain = Dialect.PLAIN.printer(e.symbols(), null);
        ExpressionPrinter tex = Dialect.LATEX.printer(e.symbols(), null);
        try (Json j = new Json()) {
            j.beginObject().field("format", "actlab-polycom/1").field("type", e.type()).field("rho", e.rho())
                    .field("order", e.order());
            j.name("pieces").beginArray();
            for (int i = 0; i < e.pieces().size(); i++) {
                j.beginObject().field("condition", e.pieces().get(i).condition())
                        .field("f", plain.print(e.values().get(i))).field("df", plain.print(e.derivatives().get(i)))
                        .field("latex", tex.print(e.values().get(i))).endObject();
            }
            j.endArray();
            j.name("breakpoints").beginArray();
            for (Breakpoint bp : e.breakpoints()) {
                j.beginObject().name("x").value(bp.x().doubleValue());
                if (bp.smooth()) {
                    j.field("smoothness", "infinity");
                } else {
                    j.field("smoothness", bp.smoothness());
                    j.field("jump_order", bp.jumpOrder()).field("jump", plain.print(bp.jump()));
                }
                j.endObject();
            }
            j.endArray();
            j.field("note", e.note());
            j.endObject();
            return j.text();
        }
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }
}
