package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.io.Excerpt;
import org.actlab.io.Numbers;
import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.DerivedFunction;
import org.actlab.symbolic.Deriver;
import org.actlab.symbolic.GradientSpec;
import org.actlab.symbolic.NamedDerivations;
import org.actlab.symbolic.SpecParser;
import org.actlab.symbolic.SpecText;
import org.actlab.symbolic.SymbolicEngine;
import org.actlab.symbolic.print.DerivationJson;
import org.actlab.symbolic.print.DerivationLatex;
import org.actlab.symbolic.print.DerivationText;
import org.actlab.symbolic.print.JavaEmitter;
import org.actlab.symbolic.print.PyTorchEmitter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab derive}: integrate a gradient into an activation, prove it, report its properties. */
@Command(name = "derive", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Derive an activation by integrating the gradient you want.",
            "",
            "actlab integrates each piece of g (Symja), fixes the constants so that f is continuous and meets",
            "the anchor (default f(0) = 0), proves f' = g symbolically on every piece, and reports the",
            "smoothness at each breakpoint, f(0), f'(0), limits at ±inf, asymptotes, stationary points,",
            "the global minimum and the monotone ranges. Signs that depend on the parameters are decided on",
            "a seeded sample of the region the assumptions allow, and the report says so.", ""},
        footer = {"", "Gradient syntax: pieces 'CONDITION : EXPRESSION' separated by ';'. A condition compares x with",
            "numbers (x > 2, x >= -1 && x <= 2); the pieces must cover the real line exactly once.",
            "Expressions: numbers, x, parameters, E, Pi, + - * / ^, and the functions exp, log, sqrt, erf,",
            "erfc, tanh, sigmoid, softplus, phi (normal CDF), abs, max, min. Nothing else is accepted.",
            "", "Named derivations: relu2, ielu, xielu, xiprelu, xiep, silu, gelu, sigmoid, softplus.",
            "", "Examples:", "  actlab derive xielu",
            "  actlab derive --gradient 'x > 0 : 2*alpha_p*x + beta ; x <= 0 : alpha_n*(exp(x) - 1) + beta' \\",
            "      --param alpha_p,alpha_n,beta --assume 'alpha_p > 0, alpha_n > beta, beta > 0'",
            "  actlab derive xielu --emit pytorch -o xielu.py",
            "  actlab derive --gradient 'x < -1 : 0.5 ; x >= -1 && x <= 2 : x^2 ; x > 2 : 4' --at -2,0,3"})
public final class DeriveCommand implements Callable<Integer> {
    /** The most points of --at (each is a 30-digit evaluation). */
    static final int MAX_AT_POINTS = 10_000;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "a named derivation (see below)")
    private String name;

    @Option(names = {"-g", "--gradient"}, paramLabel = "SPEC", description = "the gradient, piecewise")
    private String gradient;

    @Option(names = "--param", paramLabel = "P1,P2,...", description = "parameter names used in the gradient")
    private String params;

    @Option(names = "--assume", paramLabel = "A1, A2, ...", description = "assumptions on the parameters (alpha_p > 0, alpha_n > beta)")
    private String assume;

    @Option(names = "--anchor", paramLabel = "'f(X) = Y'", description = "the anchor (default: f(0) = 0)")
    private String anchor;

    @Option(names = "--spec", paramLabel = "FILE", description = "read the spec from a file (.json, or 'key: value' lines)")
    private Path specFile;

    @Option(names = "--set", paramLabel = "P=V,...", description = "parameter values for numeric output (--at, code defaults)")
    private String set;

    @Option(names = "--emit", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, latex, json, java or pytorch (default: ${DEFAULT-VALUE})")
    private String emit;

    @Option(names = "--at", paramLabel = "X1,X2,...", description = "print CSV x,y,dy of the derived function at these points")
    private String at;

    @Option(names = "--package", paramLabel = "NAME", defaultValue = "org.actlab.activation.derived",
            description = "package of the --emit java class (default: ${DEFAULT-VALUE})")
    private String packageName;

    @Mixin
    private TimeoutOption timeout = new TimeoutOption();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE (atomically) instead of stdout")
    private Path output;

    @Option(names = "--list", description = "list the named derivations with their gradients")
    private boolean list;

    @Override
    public Integer call() {
        if (list) {
            PrintWriter out = spec.commandLine().getOut();
            for (NamedDerivations.Named n : NamedDerivations.all()) {
                out.printf("%-9s %s%n          gradient: %s%s%n", n.name(), n.description(), n.text().gradient(),
                        n.text().params().isEmpty() ? "" : "  (parameters " + n.text().params()
                                + (n.text().assume().isEmpty() ? "" : "; " + n.text().assume()) + ")");
            }
            out.flush();
            return 0;
        }
        if (!List.of("text", "latex", "json", "java", "pytorch").contains(emit)) {
            throw new ActlabException("--emit must be text, latex, json, java or pytorch, got '" + Excerpt.of(emit) + "'");
        }
        if (params != null && params.isBlank()) {
            throw new ActlabException("--param: empty list (give parameter names, e.g. --param alpha,beta, or leave it out)");
        }
        double[] atPoints = at == null ? null : Numbers.parseList(at, "--at");
        if (atPoints != null && atPoints.length > MAX_AT_POINTS) {
            throw new ActlabException("--at takes at most " + MAX_AT_POINTS + " points, got " + atPoints.length
                    + " (each is evaluated to 30 digits; use 'actlab eval' on generated code for grids)");
        }
        if (emit.equals("java")) {
            JavaEmitter.checkPackage(packageName);
        }
        if (output != null) {
            CommandOutput.checkTarget(output);
        }
        SymbolicEngine engine = timeout.engine();
        String text = engine.within(engine.timeout().multipliedBy(Deriver.TOTAL_TIME_STEPS + 1), "derive",
                () -> derive(engine, atPoints));
        CommandOutput.write(spec, output, text);
        return 0;
    }

    private String derive(SymbolicEngine engine, double[] atPoints) {
        SpecParser parser = new SpecParser(engine);
        Map<String, Double> defaults = new LinkedHashMap<>();
        GradientSpec gs;
        int sources = (name != null ? 1 : 0) + (gradient != null ? 1 : 0) + (specFile != null ? 1 : 0);
        if (sources != 1) {
            throw new ActlabException(sources == 0 ? "give a named derivation, --gradient or --spec (see 'actlab derive --help')"
                    : "give only one of a named derivation, --gradient and --spec");
        }
        if (name != null) {
            if (params != null || assume != null || anchor != null) {
                throw new ActlabException("--param, --assume and --anchor go with --gradient; '" + name + "' defines its own");
            }
            NamedDerivations.Named named = NamedDerivations.get(name);
            SpecText t = named.text();
            gs = parser.parse(new SpecText(t.name(), t.gradient(), t.params(), t.assume(), t.anchor(), set));
            defaults.putAll(named.defaults());
        } else if (gradient != null) {
            gs = parser.parse(new SpecText("custom", gradient, params, assume, anchor, set));
        } else {
            if (params != null || assume != null || anchor != null) {
                throw new ActlabException("--param, --assume and --anchor go into the spec file, not next to --spec");
            }
            gs = parser.parseFile(specFile, set);
        }
        if (at != null && !emit.equals("text")) {
            throw new ActlabException("--at prints CSV x,y,dy; leave out --emit " + emit + " (or drop --at)");
        }
        Derivation d = new Deriver(engine).derive(gs);
        String text;
        if (atPoints != null) {
            double[] xs = atPoints;
            double[] values = gs.parameterValues(defaults);
            List<DerivedFunction.Point> points = new DerivedFunction(d, engine, values).evaluate(xs);
            StringBuilder b = new StringBuilder(provenance().csvComment()).append("x,y,dy\n");
            for (DerivedFunction.Point p : points) {
                b.append(Numbers.format(p.x())).append(',').append(Numbers.format(p.y())).append(',')
                        .append(Numbers.format(p.dy())).append('\n');
            }
            if (!d.closedForm()) {
                spec.commandLine().getErr().println("derive: note: no closed form on some piece; y is a numeric integral of g (Gauss-Legendre, rel. 1e-14)");
            }
            text = b.toString();
        } else {
            text = switch (emit) {
                case "latex" -> DerivationLatex.print(d);
                case "json" -> DerivationJson.print(d, provenance());
                case "java" -> JavaEmitter.emit(d, engine, packageName, defaults);
                case "pytorch" -> PyTorchEmitter.emit(d, engine, defaults);
                default -> DerivationText.print(d) + String.format("time: %.2f s%n", d.seconds());
            };
        }
        return text;
    }

    /** Version, commit, options and the seed of the parameter-region sample behind every "for all parameters" fact. */
    private org.actlab.io.OutputProvenance provenance() {
        return CommandOutput.provenance(spec).withSeed("parameter-region sample", org.actlab.symbolic.ParameterRegion.SEED);
    }
}
