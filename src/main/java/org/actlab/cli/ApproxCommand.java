package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.approx.Approximation;
import org.actlab.approx.Approximations;
import org.actlab.approx.Target;
import org.actlab.io.AtomicFiles;
import org.actlab.io.Numbers;
import org.actlab.network.NetworkJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab approx}: a certified ReLU network for a target error. */
@Command(name = "approx", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build a ReLU network that approximates a target to a given error, and certify its exact",
            "sup error (breakpoints proved complete, values in exact rational arithmetic).", "",
            "Targets: square, power:K (x^K), relu-power:K (max(x,0)^K), polyrelu (--coeffs a0,...,ar).",
            "Methods: deep (default; levels and product scales chosen per chain, output re-centred),",
            "textbook (Yarotsky's sawtooth and two-square products, equal levels everywhere), shallow",
            "(the best one-hidden-layer network; square only so far)."},
        footer = {"", "Examples:", "  actlab approx --target square --interval 0,1 --eps 1e-6",
            "  actlab approx --target polyrelu --coeffs 1,1,0.5,0.25 --interval -1,1 --eps 1e-6",
            "  actlab approx --target power:3 --interval -0.7,1.3 --eps 1e-5 --method textbook",
            "  actlab approx --target square --interval -1,3 --eps 1e-8 --method shallow --format json",
            "  actlab approx --target square --interval 0,1 --eps 1e-10 --save square.json"})
public final class ApproxCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "T", description = "square, power:K, relu-power:K or polyrelu")
    private String target;

    @Option(names = "--coeffs", paramLabel = "a0,a1,...", description = "PolyReLU coefficients, ascending (with --target polyrelu)")
    private String coeffs;

    @Option(names = "--interval", paramLabel = "A,B", defaultValue = "0,1", description = "the interval (default: ${DEFAULT-VALUE})")
    private String interval;

    @Option(names = "--eps", required = true, paramLabel = "E", description = "the largest sup error allowed")
    private String eps;

    @Option(names = "--method", paramLabel = "M", defaultValue = "deep", description = "textbook, deep or shallow (default: ${DEFAULT-VALUE})")
    private String method;

    @Option(names = "--save", paramLabel = "FILE", description = "write the network as actlab-network/1 JSON (atomically)")
    private Path save;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "output format (default: ${DEFAULT-VALUE})")
    private String format;

    @Override
    public Integer call() {
        Target t = Target.parse(target, coeffs == null ? null : Numbers.parseList(coeffs, "--coeffs"));
        double[] ab = parseInterval(interval);
        double e = Numbers.parse(eps, "--eps");
        Approximations.Method m = parseMethod(method);
        String fmt = checkFormat(format);
        Approximation ap = Approximations.build(t, ab[0], ab[1], e, m);
        if (save != null) {
            AtomicFiles.writeString(save, NetworkJson.write(ap.network()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(fmt.equals("json") ? ApproxOutput.json(ap) : ApproxOutput.text(ap));
        out.flush();
        return 0;
    }

    static double[] parseInterval(String text) {
        double[] ab = Numbers.parseList(text, "--interval");
        if (ab.length != 2) {
            throw new ActlabException("--interval takes two numbers A,B, got '" + text + "'");
        }
        if (!(ab[0] < ab[1]) || !Double.isFinite(ab[0]) || !Double.isFinite(ab[1])) {
            throw new ActlabException("--interval must be finite with A < B, got '" + text + "' (an empty interval)");
        }
        return ab;
    }

    static String checkFormat(String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ActlabException("--format must be text or json, got '" + format + "'");
        }
        return format;
    }

    static Approximations.Method parseMethod(String m) {
        for (Approximations.Method value : Approximations.Method.values()) {
            if (value.key().equals(m.toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        throw new ActlabException("unknown --method '" + m + "' (textbook, deep, shallow, trained)");
    }
}
