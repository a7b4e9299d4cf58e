package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.approx.ExactConversions;
import org.actlab.io.AtomicFiles;
import org.actlab.io.Numbers;
import org.actlab.network.Network;
import org.actlab.network.NetworkJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab convert}: the exact constructions of Theorem 1 and Lemma 1. */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exact conversions of the PolyCom paper:",
            "  --to polyrelu IN.json OUT.json   Theorem 1: a ReLU network as a PolyReLU network of the same",
            "                                   depth, width and parameter count (a = (0, 1) in every unit)",
            "  --polynomial c0,c1,... [OUT.json] Lemma 1: the polynomial Σ c_i x^i as two PolyReLU units",
            "Without an output file the network is printed."})
public final class ConvertCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--to", paramLabel = "polyrelu", description = "convert IN.json to this kind (polyrelu)")
    private String to;

    @Option(names = "--polynomial", paramLabel = "c0,c1,...", description = "ascending polynomial coefficients")
    private String polynomial;

    @Parameters(paramLabel = "FILE", arity = "0..2", description = "IN.json OUT.json (with --to), or OUT.json (with --polynomial)")
    private java.util.List<Path> files = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        Network result;
        Path out;
        if ((to == null) == (polynomial == null)) {
            throw new ActlabException("give exactly one of --to polyrelu IN.json [OUT.json] or --polynomial c0,c1,... [OUT.json]");
        }
        if (to != null) {
            if (!to.equals("polyrelu")) {
                throw new ActlabException("--to takes polyrelu (Theorem 1), got '" + to + "'");
            }
            if (files.isEmpty()) {
                throw new ActlabException("--to polyrelu needs an input network IN.json");
            }
            result = ExactConversions.reluToPolyRelu(NetworkJson.read(files.get(0)));
            out = files.size() > 1 ? files.get(1) : null;
        } else {
            if (files.size() > 1) {
                throw new ActlabException("--polynomial takes at most one file, the output");
            }
            result = ExactConversions.polynomialAsPolyRelu(Numbers.parseList(polynomial, "--polynomial"));
            out = files.isEmpty() ? null : files.get(0);
        }
        String json = NetworkJson.write(result);
        if (out != null) {
            AtomicFiles.writeString(out, json);
        } else {
            PrintWriter w = spec.commandLine().getOut();
            w.print(json);
            w.flush();
        }
        return 0;
    }
}
