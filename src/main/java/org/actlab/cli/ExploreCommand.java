package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.io.AtomicFiles;
import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.Explorer;
import org.actlab.symbolic.print.Dialect;
import org.actlab.symbolic.print.ExpressionPrinter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab explore}: search gradient templates for activation candidates. */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search gradient templates for new activations, as xIELU was found.",
            "Each candidate takes a base gradient h for each side of 0 and the template",
            "  g(x) = alpha_p*h_R(x) + beta (x > 0),  alpha_n*h_L(x) + beta (x <= 0),",
            "integrates it (f(0) = 0), decides the named properties (always, or when a condition on the",
            "parameters holds), keeps the candidates that can have every required property and ranks them.",
            "Each candidate is compared with the known derivations (relu2, xielu, ...): 'contains' lists the",
            "known activations in its family with the parameter values that give them.", ""},
        footer = {"", "Bases: zero, const, x, x2, elu, sigmoid, tanh, silu, phi, softplus.",
            "Properties: C1, C2, f(0)=0, negative-gradient-flow, grows-superlinearly, monotone, bounded-below, closed-form.",
            "", "Examples:", "  actlab explore", "  actlab explore --require 'C1, f(0)=0, negative-gradient-flow, grows-superlinearly'",
            "  actlab explore --bases zero,x,elu,sigmoid --out results/"})
public final class ExploreCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--bases", paramLabel = "B1,B2,...", defaultValue = "all", description = "bases to combine (default: ${DEFAULT-VALUE})")
    private String bases;

    @Option(names = "--require", paramLabel = "P1, P2, ...", defaultValue = "C1, f(0)=0, grows-superlinearly",
            description = "properties every result must be able to have (default: ${DEFAULT-VALUE})")
    private String require;

    @Option(names = "--assume", paramLabel = "A1, A2, ...", defaultValue = "alpha_p > 0",
            description = "assumptions on alpha_p, alpha_n, beta (default: ${DEFAULT-VALUE})")
    private String assume;

    @Option(names = "--top", defaultValue = "0", description = "print only the first N (default: all)")
    private int top;

    @Option(names = "--out", paramLabel = "DIR", description = "write explore.md and explore.csv there (atomically) instead of stdout")
    private Path out;

    @Option(names = "--format", paramLabel = "md|csv", defaultValue = "md",
            description = "what to print on stdout without --out (default: ${DEFAULT-VALUE})")
    private String format;

    @Mixin
    private TimeoutOption timeout = new TimeoutOption();

    @Override
    public Integer call() {
        if (top < 0) {
            throw new ActlabException("--top must be ≥ 0, got " + top);
        }
        if (!format.equals("md") && !format.equals("csv")) {
            throw new ActlabException("--format must be md or csv, got '" + format + "'");
        }
        CommandOutput.checkDirectory(out);
        List<String> required = Arrays.stream(require.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<Explorer.Base> chosen = Explorer.bases(bases);
        Explorer explorer = new Explorer(timeout.engine());
        PrintWriter err = spec.commandLine().getErr();
        int total = chosen.size() * chosen.size();
        int[] done = {0};
        List<Explorer.Candidate> ranked = explorer.explore(chosen, required, assume, name -> {
            done[0]++;
            err.printf("\rexplore: %d/%d %-20s", done[0], total, name);
            err.flush();
        });
        err.println();
        err.flush();
        List<Explorer.Candidate> shown = top > 0 && top < ranked.size() ? ranked.subList(0, top) : ranked;
        String markdown = markdown(shown, ranked, required, total);
        String csv = csv(shown);
        if (out != null) {
            AtomicFiles.writeString(out.resolve("explore.md"), markdown);
            AtomicFiles.writeString(out.resolve("explore.csv"), csv);
            spec.commandLine().getOut().println("wrote " + out.resolve("explore.md") + " and " + out.resolve("explore.csv"));
        } else {
            spec.commandLine().getOut().print(format.equals("csv") ? csv : markdown);
        }
        spec.commandLine().getOut().flush();
        return 0;
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
                held.add(e.getKey() + " (when " + e.getValue().condition() + ")");
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

    private static String markdown(List<Explorer.Candidate> shown, List<Explorer.Candidate> ranked, List<String> required, int total) {
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
            ExpressionPrinter p = new ExpressionPrinter(Dialect.TEXT, c.derivation().spec().symbols(), null);
            b.append("| ").append(rank++).append(" | ").append(c.name().replace("|", "\\|")).append(" | ")
                    .append(md(gradient(c, p))).append(" | ").append(md(closedForm(c, p))).append(" | ")
                    .append(md(properties(c))).append(" | ").append(md(matches(c))).append(" |\n");
        }
        return b.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|");
    }

    private static String csv(List<Explorer.Candidate> shown) {
        StringBuilder b = new StringBuilder("rank,name,gradient,closed_form,properties,contains\n");
        int rank = 1;
        for (Explorer.Candidate c : shown) {
            ExpressionPrinter p = new ExpressionPrinter(Dialect.PLAIN, c.derivation().spec().symbols(), null);
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
