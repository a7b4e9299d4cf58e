package org.actlab.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.symbolic.PolyCom;
import org.actlab.symbolic.print.ExpansionPrinter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab expand}: PolyCom compositions expanded symbolically; Lemma 1 as proved identities. */
@Command(name = "expand", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Expand a PolyCom composition symbolically: type I sum a_i rho(x)^i, type II sum a_i rho(x^i).",
            "Prints f and f' (piecewise polynomials for relu and prelu), the smoothness at the breakpoint and",
            "the LaTeX; the coefficients stay symbolic (a_0 ... a_r) unless --coeffs gives them.",
            "With --lemma1: PolyCom Lemma 1 (ReLU, ReLU^2 and every polynomial of degree <= r are PolyReLU",
            "networks) as identities proved by expansion on both sides of 0.", ""},
        footer = {"", "Examples:", "  actlab expand --type 1 --rho relu --order 3",
            "  actlab expand --type 1 --rho relu --order 3 --coeffs 0,0.333,0.333,0.333 --emit json",
            "  actlab expand --type 2 --rho norm --order 3", "  actlab expand --lemma1 --order 4"})
public final class ExpandCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--type", defaultValue = "1", description = "1 or 2 (default: ${DEFAULT-VALUE})")
    private int type;

    @Option(names = "--rho", defaultValue = "relu", description = "relu, prelu, sigmoid, silu, tanh, gelu or norm (default: ${DEFAULT-VALUE})")
    private String rho;

    @Option(names = {"-r", "--order"}, defaultValue = "3", description = "the order r (default: ${DEFAULT-VALUE})")
    private int order;

    @Option(names = "--coeffs", paramLabel = "A0,...,AR", description = "coefficients a_0..a_r, ascending (default: symbolic)")
    private String coeffs;

    @Option(names = "--emit", defaultValue = "text", description = "text, latex or json (default: ${DEFAULT-VALUE})")
    private String emit;

    @Option(names = "--lemma1", description = "prove Lemma 1's identities for polynomials of degree <= --order")
    private boolean lemma1;

    @Mixin
    private TimeoutOption timeout = new TimeoutOption();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE (atomically) instead of stdout")
    private Path output;

    @Override
    public Integer call() {
        if (!List.of("text", "latex", "json").contains(emit)) {
            throw new ActlabException("--emit must be text, latex or json, got '" + emit + "'");
        }
        CommandOutput.checkTarget(output);
        PolyCom polyCom = new PolyCom(timeout.engine());
        String text;
        int code = 0;
        if (lemma1) {
            if (order < 1 || order > 12) {
                throw new ActlabException("--order must be between 1 and 12, got " + order);
            }
            List<String> lines = polyCom.lemma1(order);
            text = String.join("\n", lines) + "\n";
            code = lines.stream().allMatch(l -> l.startsWith("PASS")) ? 0 : 1;
        } else {
            List<String> c = coeffs == null ? null : Arrays.asList(coeffs.split(","));
            PolyCom.Expansion e = polyCom.expand(type, rho, order, c);
            text = switch (emit) {
                case "json" -> ExpansionPrinter.json(e);
                case "latex" -> ExpansionPrinter.latex(e);
                default -> ExpansionPrinter.text(e);
            };
        }
        CommandOutput.write(spec, output, text);
        return code;
    }
}
