package org.actlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.activation.Catalogue;
import org.actlab.bench.Throughput;
import org.actlab.io.Numbers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab bench}: scalar evaluation throughput of the catalogue's fast paths. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure scalar evaluations per second of xIELU, GELU and PolyReLU(3).",
            "One thread, the double fast path, seeded random points in [-5, 5] (and (0, 5] for the",
            "positive branches); prints the best and median rate over the timed passes."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--points", defaultValue = "10000000", description = "points per pass (default: ${DEFAULT-VALUE})")
    private int points;

    @Option(names = "--passes", defaultValue = "7", description = "timed passes (default: ${DEFAULT-VALUE})")
    private int passes;

    @Option(names = "--warmup", defaultValue = "3", description = "untimed warm-up passes (default: ${DEFAULT-VALUE})")
    private int warmup;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the points (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() {
        if (points < 1 || points > 100_000_000) {
            throw new ActlabException("--points must be between 1 and 100000000, got " + points);
        }
        if (passes < 1 || warmup < 0) {
            throw new ActlabException("--passes must be ≥ 1 and --warmup ≥ 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        double[] mixed = Throughput.uniformPoints(points, -5, 5, seed);
        double[] positive = Throughput.uniformPoints(points, Double.MIN_NORMAL, 5, seed);
        List<Throughput.Result> results = new ArrayList<>();
        results.add(Throughput.measure("xielu [-5,5]", Catalogue.scalar("xielu"), mixed, warmup, passes));
        results.add(Throughput.measure("xielu (0,5] positive branch", Catalogue.scalar("xielu"), positive, warmup, passes));
        results.add(Throughput.measure("gelu [-5,5]", Catalogue.scalar("gelu"), mixed, warmup, passes));
        results.add(Throughput.measure("polyrelu r=3 [-5,5]", Catalogue.scalar("polyrelu",
                Map.of("coeffs", Catalogue.POLYCOM_REFERENCE_COEFFS)), mixed, warmup, passes));
        results.add(Throughput.measure("polyrelu r=3 (0,5] positive", Catalogue.scalar("polyrelu",
                Map.of("coeffs", Catalogue.POLYCOM_REFERENCE_COEFFS)), positive, warmup, passes));
        out.printf(java.util.Locale.ROOT, "%-30s %10s %16s %16s  %s%n", "activation", "points", "best evals/s", "median evals/s", "checksum");
        for (Throughput.Result r : results) {
            out.printf(java.util.Locale.ROOT, "%-30s %10d %16.4g %16.4g  %s%n", r.name(), r.points(), r.bestPerSec(), r.medianPerSec(),
                    Numbers.format(r.checksum()));
        }
        out.println("one thread, Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores available; seed " + seed);
        out.flush();
        return 0;
    }
}
