package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.approx.Sweep;
import org.actlab.io.AtomicFiles;
import org.actlab.io.Json;
import org.actlab.io.OutputProvenance;
import org.actlab.plot.Figures;
import org.actlab.plot.SobolevFigure;
import org.actlab.print.SobolevPrinter;
import org.actlab.network.Approximates;
import org.actlab.network.NetworkJson;
import org.actlab.io.Numbers;
import org.actlab.sobolev.LocalTaylorNetwork;
import org.actlab.sobolev.RateExperiment;
import org.actlab.sobolev.SobolevDefaults;
import org.actlab.sobolev.SobolevFunction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab sobolev}: Theorem 3's rates measured. */
@Command(name = "sobolev", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Theorem 3 measured: PolyReLU and ReLU networks for a Sobolev function, rates and ratios.",
            "For each target ε, Yarotsky's local-Taylor construction as a PolyReLU and a ReLU network",
            "for a member of the unit ball of W^{n,∞}([0,1]^d): parameters, sampled sup error and the",
            "construction's bound; the fitted slope of log(error) against log(parameters) with a 95%%",
            "interval (reference −n/d); the ReLU/PolyReLU parameter ratio at each ε. Writes CSV and a",
            "log-log figure. Without --d and --n: the default set (d = 1, n = 2, 3, 4; d = 2, n = 2, 3)."},
        footer = {"", "Functions (built-ins are scaled to norm 0.9):",
            "  ridge       (x_1 + 0.7 x_2 + 0.4 x_3)^n, degree exactly n (the default)",
            "  relu-power  Π max(x_k − c, 0)^n/n!, exactly n weak derivatives",
            "  sine, gauss, poly",
            "  --expr      in x (d = 1) or x1, ..., xd; not scaled, must have norm ≤ 1",
            "", "Examples:", "  actlab sobolev", "  actlab sobolev --d 1 --n 3 --function sine --eps 1e-2:1e-7",
            "  actlab sobolev --d 1 --n 2 --expr '0.2*sin(2*x)' --format json"})
public final class SobolevCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--d", paramLabel = "D", description = "dimension 1, 2 or 3 (with --n)")
    private Integer d;

    @Option(names = "--n", paramLabel = "N", description = "smoothness 1 … 4 (with --d)")
    private Integer n;

    @Option(names = "--function", paramLabel = "NAME", defaultValue = "ridge", description = "built-in function (default: ${DEFAULT-VALUE})")
    private String function;

    @Option(names = "--expr", paramLabel = "EXPR", description = "your own function instead (safe expression; derivatives by Symja)")
    private String expr;

    @Option(names = "--eps", paramLabel = "FROM:TO", description = "target errors by decades (default: per d and n, see --help of the default set)")
    private String eps;

    @Option(names = "--per-decade", paramLabel = "K", defaultValue = "" + org.actlab.sobolev.SobolevDefaults.PER_DECADE, description = "ε values per decade (default: ${DEFAULT-VALUE})")
    private int perDecade;

    @Option(names = "--layout", paramLabel = "terms|factored", defaultValue = "auto",
            description = "terms: one product chain per cell and Taylor term (Yarotsky's layout); factored: one coordinate "
                    + "at a time, O(N^(d-1)) products (default: terms for d ≤ 2, factored for d = 3, where Yarotsky's "
                    + "layout needs billions of dense weights at any useful ε)")
    private String layout;

    @Option(names = "--save", paramLabel = "DIR", description = "also write every network as JSON there "
            + "(sobolev-d1-n2-ridge-polyrelu-eps1e-04.json, ...)")
    private Path save;

    @Option(names = "--certify", description = "d = 1: the exact sup error over [0, 1] of the PolyReLU networks (functions "
            + "ridge, poly, relu-power) and of the ReLU networks (ridge, poly; minutes below ε = 1e-4)")
    private boolean certify;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "where the CSV and figures go (default: the current directory)")
    private Path out;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "stdout format (default: ${DEFAULT-VALUE})")
    private String format;

    @Mixin
    private TimeoutOption timeout = new TimeoutOption();

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ActlabException("--format must be text or json, got '" + format + "'");
        }
        if (!List.of("auto", "terms", "factored").contains(layout)) {
            throw new ActlabException("--layout must be terms or factored, got '" + layout + "'");
        }
        if ((d == null) != (n == null)) {
            throw new ActlabException("give --d and --n together (or neither, for the default set)");
        }
        CommandOutput.checkDirectory(out);
        CommandOutput.checkDirectory(save);
        PrintWriter err = spec.commandLine().getErr();
        List<int[]> cases = new ArrayList<>();
        if (d == null) {
            if (expr != null) {
                throw new ActlabException("--expr needs --d and --n");
            }
            cases.addAll(SobolevDefaults.CASES);
        } else {
            LocalTaylorNetwork.checkArguments(d, n);
            cases.add(new int[] {d, n});
        }
        // every argument is checked (ε ranges, functions) before the first network is built
        List<double[]> epsValuesOf = new ArrayList<>();
        List<SobolevFunction> functions = new ArrayList<>();
        for (int[] c : cases) {
            double[] range = eps != null ? parseRange(eps) : SobolevDefaults.epsRange(c[0], c[1]);
            epsValuesOf.add(Sweep.decades(range[0], range[1], perDecade));
            functions.add(expr != null ? SobolevFunction.expression(expr, c[0], c[1], timeout.engine())
                    : SobolevFunction.builtIn(function, c[0], c[1]));
        }
        List<RateExperiment.Result> results = new ArrayList<>();
        OutputProvenance provenance = CommandOutput.provenance(spec);
        java.util.function.Consumer<String> progress = CommandOutput.progress(err, "sobolev");
        for (int i = 0; i < cases.size(); i++) {
            int[] c = cases.get(i);
            LocalTaylorNetwork.Layout lay = layout.equals("terms") || (layout.equals("auto") && c[0] < 3)
                    ? LocalTaylorNetwork.Layout.TERMS : LocalTaylorNetwork.Layout.FACTORED;
            if (c[0] == 3) {
                err.println("sobolev: d = 3: networks grow like N³ (a few million weights at ε = 1e-2) and each is sampled on 27³ "
                        + "points; small ε takes minutes, and Yarotsky's layout does not fit dense layers at all (layout "
                        + lay.key() + ")");
                err.flush();
            }
            double[] epsValues = epsValuesOf.get(i);
            SobolevFunction f = functions.get(i);
            String stem = "sobolev-d" + c[0] + "-n" + c[1] + "-" + f.name();
            String madeBy = CommandOutput.madeBy(spec);
            RateExperiment.Options options = new RateExperiment.Options(certify, save == null ? null : (p, net) ->
                    AtomicFiles.writeString(save.resolve(stem + "-" + p.kind().key() + "-eps"
                            + String.format(java.util.Locale.ROOT, "%.0e", p.eps()) + ".json"), NetworkJson.write(net,
                            new Approximates.Sobolev(expr != null ? "expr" : f.name(), expr, c[0], c[1], p.eps(), p.kind().key(),
                                    p.bound(), madeBy), provenance)));
            RateExperiment.Result r = RateExperiment.run(f, lay, epsValues, options, progress);
            String base = SobolevPrinter.base(r);
            AtomicFiles.writeString(out.resolve(base + ".csv"), SobolevPrinter.csv(r, provenance));
            Figures.write(SobolevFigure.chart(r), out.resolve(base));
            results.add(r);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (format.equals("json")) {
            Json j = new Json();
            if (results.size() == 1) {
                SobolevPrinter.json(j, results.get(0), provenance);
            } else {
                j.beginArray();
                for (RateExperiment.Result r : results) {
                    SobolevPrinter.json(j, r, provenance);
                }
                j.endArray();
            }
            o.println(j.text());
        } else {
            for (RateExperiment.Result r : results) {
                o.print(SobolevPrinter.text(r));
                o.println("wrote " + out.resolve(SobolevPrinter.base(r) + ".csv") + ", .png, .svg");
                o.println();
            }
        }
        o.flush();
        return 0;
    }

    private static double[] parseRange(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new ActlabException("--eps takes FROM:TO, e.g. 1e-1:1e-4, got '" + text + "'");
        }
        return new double[] {Numbers.parse(parts[0], "--eps"), Numbers.parse(parts[1], "--eps")};
    }
}
