package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.approx.ExactConversions;
import org.actlab.approx.PolyReluToRelu;
import org.actlab.io.Json;
import org.actlab.io.AtomicFiles;
import org.actlab.io.Numbers;
import org.actlab.print.CertificatePrinter;
import org.actlab.polynomial.Interval;
import org.actlab.network.Network;
import org.actlab.network.Approximates;
import org.actlab.network.NetworkJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab convert}: the exact constructions of Theorem 1 and Lemma 1. */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Network conversions of the PolyCom paper (Lemma 1, Theorems 1 and 2).",
            "  --to polyrelu IN.json OUT.json   Theorem 1: a ReLU network as a PolyReLU network of the same",
            "                                   depth, width and parameter count (a = (0, 1) in every unit);",
            "                                   --box A,B (default -1,1) is where 'actlab validate' samples it",
            "  --to relu IN.json OUT.json --eps E --box A,B",
            "                                   Theorem 2: a PolyReLU network as a ReLU network within E of it",
            "                                   on the box [A, B]^d (report on stdout, network to OUT.json)",
            "  --polynomial c0,c1,... [OUT.json] Lemma 1: the polynomial Σ c_i x^i as two PolyReLU units",
            "Without an output file the network is printed."})
public final class ConvertCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--to", paramLabel = "polyrelu", description = "convert IN.json to this kind (polyrelu)")
    private String to;

    @Option(names = "--polynomial", paramLabel = "c0,c1,...", description = "ascending polynomial coefficients")
    private String polynomial;

    @Option(names = "--eps", paramLabel = "E", description = "with --to relu: the largest sup error allowed")
    private Double eps;

    @Option(names = "--box", paramLabel = "A,B", description = "with --to relu: every input in [A, B] (with --to polyrelu: "
            + "where validate samples the exact conversion)")
    private Interval box;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "report format for --to relu (default: ${DEFAULT-VALUE})")
    private String format;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "IN.json OUT.json (with --to), or OUT.json (with --polynomial)")
    private java.util.List<Path> files = new java.util.ArrayList<>();

    private int theorem2(Network poly, Path outFile) {
        if (eps == null || box == null) {
            throw new ActlabException("--to relu needs --eps E and --box A,B");
        }
        if (outFile == null) {
            throw new ActlabException("--to relu needs an output file OUT.json for the ReLU network");
        }
        double[] ab = {box.a(), box.b()};
        String fmt = ApproxCommand.checkFormat(format);
        PolyReluToRelu.Result r = PolyReluToRelu.convert(poly, ab[0], ab[1], eps);
        AtomicFiles.writeString(outFile, NetworkJson.write(r.network(),
                new Approximates.OfNetwork(poly, ab[0], ab[1], r.errorBound(), false, CommandOutput.madeBy(spec)),
                CommandOutput.provenance(spec)));
        Network n = r.network();
        PrintWriter w = spec.commandLine().getOut();
        if (fmt.equals("json")) {
            try (Json j = new Json()) {
                j.beginObject().field("method", "theorem2").field("description", r.description())
                        .field("box", ab).field("eps", eps);
                CertificatePrinter.sizeFields(j, n).field("certified_error", r.errorBound()).field("sampled_error", r.sampledError())
                        .field("samples", r.samples()).field("paper_form", r.paperForm())
                        .field("certification", "bound propagated from the certified error of every unit through "
                                + "the layers' |W| row sums and the units' Lipschitz constants; float64 dense samples check it")
                        .endObject();
                w.print(j.text());
            }
        } else {
            w.println("construction        " + r.description());
            w.print(CertificatePrinter.sizeLines(n));
            w.println("paper's size form   L·K·ln²(L·α^L/ε) = " + Numbers.format(r.paperForm()) + " (ratio "
                    + String.format(java.util.Locale.ROOT, "%.2f", n.parameterCount(Network.Count.ALL) / r.paperForm()) + ")");
            w.println("certified bound     " + Numbers.format(r.errorBound())
                    + " (from each unit's certified error, propagated through |W| and Lipschitz constants)");
            w.println("sampled error       " + Numbers.format(r.sampledError()) + " (float64, " + r.samples() + " points of the box)");
            w.println("wrote " + outFile);
        }
        w.flush();
        return 0;
    }

    /** Whether two paths name one file (also through links and relative paths). */
    private static boolean sameFile(Path a, Path b) {
        try {
            if (java.nio.file.Files.exists(a) && java.nio.file.Files.exists(b)) {
                return java.nio.file.Files.isSameFile(a, b);
            }
        } catch (java.io.IOException e) {
            // cannot tell: compare the normalised paths below
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    @Override
    public Integer call() {
        Network result;
        Path out;
        if (files.size() > 2) {
            throw new ActlabException("convert takes at most two files (IN.json OUT.json), got " + files.size());
        }
        if (files.size() == 2 && sameFile(files.get(0), files.get(1))) {
            throw new ActlabException("the output " + files.get(1) + " is the input file; give another output file");
        }
        for (Path f : files.subList(Math.min(files.size(), to != null ? 1 : 0), files.size())) {
            CommandOutput.checkTarget(f);
        }
        if ((to == null) == (polynomial == null)) {
            throw new ActlabException("give exactly one of --to polyrelu IN.json [OUT.json] or --polynomial c0,c1,... [OUT.json]");
        }
        if (to != null) {
            if (!to.equals("polyrelu") && !to.equals("relu")) {
                throw new ActlabException("--to takes polyrelu (Theorem 1) or relu (Theorem 2), got '" + to + "'");
            }
            if (files.isEmpty()) {
                throw new ActlabException("--to " + to + " needs an input network IN.json");
            }
            if (to.equals("relu")) {
                return theorem2(NetworkJson.read(files.get(0)), files.size() > 1 ? files.get(1) : null);
            }
            Network relu = NetworkJson.read(files.get(0));
            double[] ab = box == null ? new double[] {-1, 1} : new double[] {box.a(), box.b()};
            out = files.size() > 1 ? files.get(1) : null;
            // Theorem 1 is exact everywhere; the box only says where validate samples it
            CommandOutput.write(spec, out, NetworkJson.write(ExactConversions.reluToPolyRelu(relu),
                    new Approximates.OfNetwork(relu, ab[0], ab[1], 0, true, CommandOutput.madeBy(spec)), CommandOutput.provenance(spec)));
            return 0;
        } else {
            if (files.size() > 1) {
                throw new ActlabException("--polynomial takes at most one file, the output");
            }
            result = ExactConversions.polynomialAsPolyRelu(Numbers.parseList(polynomial, "--polynomial"));
            out = files.isEmpty() ? null : files.get(0);
        }
        CommandOutput.write(spec, out, NetworkJson.write(result));
        return 0;
    }
}
