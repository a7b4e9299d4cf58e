package org.actlab.symbolic.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.Explorer;
import org.actlab.symbolic.Symbols;

/** The Markdown table and the CSV of explore's candidates, and the conditions of its verdicts in words. */
public final class ExplorePrinter {
    private ExplorePrinter() {
    }

    /** The condition under which a SOMETIMES verdict holds, in the plain text dialect ({@code β - α_n < 0}; empty for other verdicts). */
    public static String condition(Explorer.Verdict v, Symbols symbols) {
        if (v.expression() == null) {
            return "";
        }
        return Dialect.TEXT.printer(symbols, null).print(v.expression()) + " " + v.relation();
    }

    private static String gradient(Explorer.Candidate c, ExpressionPrinter p) {
        List<String> parts = new ArrayList<>();
        for (var piece : c.derivation().spec().pieces()) {
            parts.add(piece.domain().condition() + ": " + p.print(piece.gradient()));
        }
        return String.join("; ", parts);
    }

    private static String closedForm(Explorer.Candidate c, ExpressionPrinter p) {
        List<String> parts = new ArrayList<>();
        for (Derivation.PieceResult r : c.derivation().pieces()) {
            parts.add(r.domain().condition() + ": " + (r.activation() == null ? "(numeric)" : p.print(r.activation())));
        }
        return String.join("; ", parts);
    }

    private static String properties(Explorer.Candidate c) {
        List<String> held = new ArrayList<>();
        for (Map.Entry<String, Explorer.Verdict> e : c.verdicts().entrySet()) {
            if (e.getValue().status() == Explorer.Status.ALWAYS) {
                held.add(e.getKey());
            } else if (e.getValue().status() == Explorer.Status.SOMETIMES) {
                held.add(e.getKey() + " (when " + condition(e.getValue(), c.derivation().spec().symbols()) + ")");
            }
        }
        return String.join(", ", held);
    }

    private static String matches(Explorer.Candidate c) {
        List<String> m = new ArrayList<>();
        for (Explorer.Match match : c.matches()) {
            m.add(match.name() + " at " + String.join(", ", match.parameters().entrySet().stream()
                    .map(e -> e.getKey() + "=" + org.actlab.io.Numbers.format(e.getValue())).toList())
                    + (match.admissible() ? "" : " (outside the assumptions)"));
        }
        return String.join("; ", m);
    }

    public static String markdown(List<Explorer.Candidate> shown, List<Explorer.Candidate> ranked, List<String> required, int total) {
        StringBuilder b = new StringBuilder("# actlab explore\n\n");
        b.append("Template: g(x) = α_p·h_R(x) + β for x > 0, α_n·h_L(x) + β for x ≤ 0; f(0) = 0. ")
                .append(ranked.size()).append(" of ").append(total).append(" candidates can have every required property (")
                .append(String.join(", ", required)).append(").\n\n");
        Map<String, Explorer.Candidate> found = Explorer.rediscoveries(ranked);
        if (!found.isEmpty()) {
            b.append("Known activations rediscovered: ");
            List<String> k = new ArrayList<>();
            found.forEach((name, c) -> k.add(name + " (" + c.name() + ")"));
            b.append(String.join(", ", k)).append(".\n\n");
        }
        b.append("| rank | name (h_L\\|h_R) | gradient | closed form | properties | contains |\n");
        b.append("|---|---|---|---|---|---|\n");
        int rank = 1;
        for (Explorer.Candidate c : shown) {
            ExpressionPrinter p = Dialect.TEXT.printer(c.derivation().spec().symbols(), null);
            b.append("| ").append(rank++).append(" | ").append(c.name().replace("|", "\\|")).append(" | ")
                    .append(md(gradient(c, p))).append(" | ").append(md(closedForm(c, p))).append(" | ")
                    .append(md(properties(c))).append(" | ").append(md(matches(c))).append(" |\n");
        }
        return b.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|");
    }

    public static String csv(List<Explorer.Candidate> shown) {
        StringBuilder b = new StringBuilder("rank,name,gradient,closed_form,properties,contains\n");
        int rank = 1;
        for (Explorer.Candidate c : shown) {
            ExpressionPrinter p = Dialect.PLAIN.printer(c.derivation().spec().symbols(), null);
            b.append(rank++).append(',').append(quote(c.name())).append(',').append(quote(gradient(c, p))).append(',')
                    .append(quote(closedForm(c, p))).append(',').append(quote(properties(c))).append(',')
                    .append(quote(matches(c))).append('\n');
        }
        return b.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
