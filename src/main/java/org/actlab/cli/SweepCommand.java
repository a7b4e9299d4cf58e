package org.actlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.approx.Approximations;
import org.actlab.approx.Sweep;
import org.actlab.approx.SweepPoint;
import org.actlab.polynomial.Target;
import org.actlab.io.AtomicFiles;
import org.actlab.io.Numbers;
import org.actlab.io.OutputProvenance;
import org.actlab.print.SweepPrinter;
import org.actlab.plot.Figures;
import org.actlab.plot.SweepFigure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab sweep}: parameters against certified error for every method. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Certify every method over a range of target errors: CSV and log-log figure.",
            "The CSV holds target, method, eps, parameters, depth, width and certified error; the figure",
            "plots parameters against certified error with the shape of Lemma 2's bound, c·ln²(1/ε)."},
        footer = {"", "Example:", "  actlab sweep --target polyrelu --coeffs 1,1,0.5,0.25 --interval -1,1 --eps 1e-1:1e-8"})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.Mixin
    private TargetOptions targetOptions = new TargetOptions();

    @Option(names = "--eps", paramLabel = "FROM:TO", defaultValue = "1e-1:1e-8",
            description = "errors from FROM down to TO, by decades (default: ${DEFAULT-VALUE})")
    private String eps;

    @Option(names = "--per-decade", paramLabel = "N", defaultValue = "1", description = "points per decade (default: ${DEFAULT-VALUE})")
    private int perDecade;

    @Option(names = "--methods", paramLabel = "M,...", defaultValue = "textbook,deep,shallow",
            description = "methods (default: ${DEFAULT-VALUE}; shallow is skipped where unavailable)")
    private String methods;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "output directory (default: the current directory)")
    private Path out;

    @Option(names = "--name", paramLabel = "BASE", description = "file name base (default: sweep-TARGET)")
    private String name;

    @Override
    public Integer call() {
        Target t = targetOptions.target();
        double[] ab = targetOptions.interval();
        String[] range = eps.split(":", -1);
        if (range.length != 2) {
            throw new ActlabException("--eps takes FROM:TO, e.g. 1e-1:1e-12, got '" + eps + "'");
        }
        double[] epsValues = Sweep.decades(Numbers.parse(range[0], "--eps"), Numbers.parse(range[1], "--eps"), perDecade);
        List<Approximations.Method> ms = new ArrayList<>();
        for (String m : methods.split(",", -1)) {
            Approximations.Method method = ApproxCommand.parseMethod(m.trim());
            if (ms.contains(method)) {
                throw new ActlabException("--methods names '" + method.key() + "' twice");
            }
            ms.add(method);
        }
        String base = name != null ? fileBase(name) : "sweep-" + t.name().replace(':', '-');
        CommandOutput.checkDirectory(out);
        PrintWriter err = spec.commandLine().getErr();
        List<SweepPoint> points = Sweep.run(t, ab[0], ab[1], epsValues, ms,
                p -> { err.println("sweep: " + p); err.flush(); },
                s -> { err.println("sweep: skipped " + s); err.flush(); });
        if (points.isEmpty()) {
            throw new ActlabException("no method could build a network for these errors");
        }
        Path csv = out.resolve(base + ".csv");
        OutputProvenance provenance = CommandOutput.provenance(spec);
        if (ms.contains(Approximations.Method.TRAINED)) {
            provenance = provenance.withSeed("trained baseline starts", Approximations.TRAINING_SEED);
        }
        AtomicFiles.writeString(csv, SweepPrinter.csv(points, provenance));
        Figures.write(SweepFigure.chart("Parameters against certified error: " + t.name() + " on [" + Numbers.format(ab[0]) + ", "
                + Numbers.format(ab[1]) + "]", points, ms.stream().map(Approximations.Method::key).toList(), List.of()),
                out.resolve(base));
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%-9s %10s %11s %6s %6s %22s%n", "method", "eps", "parameters", "depth", "width", "certified error");
        for (SweepPoint p : points) {
            o.printf(Locale.ROOT, "%-9s %10s %11d %6d %6d %22s%n", p.method(), Numbers.format(p.eps()), p.parameters(),
                    p.depth(), p.width(), Numbers.format(p.certifiedError()));
        }
        for (Approximations.Method m : ms) {
            double slope = Sweep.parametersPerDecade(points, m.key());
            if (!Double.isNaN(slope)) {
                o.printf(Locale.ROOT, "%s: %.1f parameters per decade of ε (least squares against log10(1/ε))%n", m.key(), slope);
            }
        }
        o.println("wrote " + csv + ", " + out.resolve(base + ".png") + ", " + out.resolve(base + ".svg"));
        o.flush();
        return 0;
    }

    /** A --name: a plain file name base (letters, digits, '.', '_', '-'), never a path. */
    static String fileBase(String name) {
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}")) {
            throw new ActlabException("--name must be a file name base of letters, digits, '.', '_' and '-' (no '/'; "
                    + "at most 100 characters), got '" + org.actlab.io.Excerpt.of(name) + "'; --out sets the directory");
        }
        return name;
    }
}
