package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.approx.Approximation;
import org.actlab.approx.Approximations;
import org.actlab.approx.ProductNetwork;
import org.actlab.io.Json;
import org.actlab.print.CertificatePrinter;
import org.actlab.network.Network;
import org.actlab.polynomial.Target;
import org.actlab.io.AtomicFiles;
import org.actlab.io.Numbers;
import org.actlab.io.OutputProvenance;
import org.actlab.io.ProcessTime;
import org.actlab.approx.Certificate;
import org.actlab.network.Approximates;
import org.actlab.network.NetworkJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab approx}: a certified ReLU network for a target error. */
@Command(name = "approx", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build a ReLU network for a target error and certify its exact sup error.",
            "Breakpoints are proved complete and values computed in exact rational arithmetic.", "",
            "Targets: square, power:K (x^K), relu-power:K (max(x,0)^K), polyrelu (--coeffs a0,...,ar), and",
            "product (xy on [-B, B]², a two-input network; --interval -B,B).",
            "Methods: deep (default; levels and product scales chosen per chain, output re-centred),",
            "textbook (Yarotsky's sawtooth and two-square products, equal levels everywhere), shallow",
            "(the best one-hidden-layer network, free knots), uniform (one hidden layer, uniform knots),",
            "trained (one hidden layer fitted by least squares from seeded starts; reports what it reaches)."},
        footer = {"", "Examples:", "  actlab approx --target square --interval 0,1 --eps 1e-6",
            "  actlab approx --target polyrelu --coeffs 1,1,0.5,0.25 --interval -1,1 --eps 1e-6",
            "  actlab approx --target power:3 --interval -0.7,1.3 --eps 1e-5 --method textbook",
            "  actlab approx --target square --interval -1,3 --eps 1e-8 --method shallow --format json",
            "  actlab approx --target square --interval 0,1 --eps 1e-10 --save square.json"})
public final class ApproxCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.Mixin
    private TargetOptions targetOptions = new TargetOptions();

    @Option(names = "--eps", required = true, paramLabel = "E", description = "the largest sup error allowed")
    private double eps;

    @Option(names = "--method", paramLabel = "M", defaultValue = "deep", description = "textbook, deep, shallow, uniform or trained (default: ${DEFAULT-VALUE})")
    private String method;

    @Option(names = "--save", paramLabel = "FILE", description = "write the network as actlab-network/1 JSON (atomically)")
    private Path save;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "output format (default: ${DEFAULT-VALUE})")
    private String format;

    @Override
    public Integer call() {
        if (targetOptions.target.value().equals("product")) {
            return product();
        }
        Target t = targetOptions.target();
        double[] ab = targetOptions.interval();
        double e = eps;
        CommandOutput.checkTarget(save);
        Approximations.Method m = parseMethod(method);
        String fmt = checkFormat(format);
        long start = System.nanoTime();
        Approximation ap = Approximations.build(t, ab[0], ab[1], e, m);
        if (save != null) {
            Certificate c = ap.certificate();
            AtomicFiles.writeString(save, NetworkJson.write(ap.network(), new Approximates.OneInput(c.target(), c.a(), c.b(),
                    c.certifiedError(), c.exact(), c.float64Bound(), c.method(), CommandOutput.madeBy(spec)), CommandOutput.provenance(spec)));
        }
        PrintWriter out = spec.commandLine().getOut();
        OutputProvenance provenance = CommandOutput.provenance(spec);
        if (m == Approximations.Method.TRAINED) {
            provenance = provenance.withSeed("trained baseline starts", Approximations.TRAINING_SEED);
        }
        ProcessTime time = ProcessTime.after(start);
        out.print(fmt.equals("json") ? CertificatePrinter.json(ap, provenance, time)
                : CertificatePrinter.text(ap) + CertificatePrinter.timeLine(time));
        out.flush();
        return 0;
    }

    /** xy on [−B, B]², a two-input network. */
    private int product() {
        double[] ab = targetOptions.interval();
        if (ab[0] != -ab[1]) {
            throw new ActlabException("--target product works on a symmetric square: give --interval -B,B");
        }
        if (targetOptions.coeffs != null) {
            throw new ActlabException("--coeffs applies to --target polyrelu only");
        }
        if (!method.equals("deep")) {
            throw new ActlabException("--target product has one construction (deep); drop --method");
        }
        String fmt = checkFormat(format);
        double e = eps;
        CommandOutput.checkTarget(save);
        ProductNetwork.Result r = ProductNetwork.build(ab[1], e);
        if (save != null) {
            AtomicFiles.writeString(save, NetworkJson.write(r.network(), new Approximates.Product(ab[1], r.bound(), CommandOutput.madeBy(spec)), CommandOutput.provenance(spec)));
        }
        Network n = r.network();
        String cert = "bound from the construction: each square errs in [0, W²·2^(−2m−2)], weights are powers of two so "
                + "it holds exactly for the stored network; checked on a 401×401 grid (float64)";
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
            try (Json j = new Json()) {
                j.beginObject().field("method", "deep").field("description", r.description()).field("eps", e)
                        .field("target", "product").field("interval", ab).field("input_dim", 2);
                CertificatePrinter.sizeFields(j, n).field("certified_error", r.bound())
                        .field("sampled_error", r.sampledError()).field("certification", cert);
                CommandOutput.provenance(spec).writeField(j);
                j.endObject();
                out.print(j.text());
            }
        } else {
            out.print("method              deep: " + r.description() + "\n"
                    + "target              xy on [" + Numbers.format(ab[0]) + ", " + Numbers.format(ab[1]) + "]²\n"
                    + CertificatePrinter.sizeLines(n)
                    + "certified error     " + Numbers.format(r.bound()) + "\n"
                    + "sampled error       " + Numbers.format(r.sampledError()) + " (float64, 401×401 grid)\n"
                    + "certification       " + cert + "\n");
        }
        out.flush();
        return 0;
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
        throw new ActlabException("unknown --method '" + m + "' (textbook, deep, shallow, uniform, trained)");
    }
}
