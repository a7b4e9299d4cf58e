package org.actlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.actlab.ActlabException;
import org.actlab.bench.ScalarBench;
import org.actlab.print.ValidationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code actlab bench}: scalar evaluation throughput of the catalogue's fast paths. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure scalar evaluations per second of xIELU, GELU and PolyReLU(3).",
            "One thread, the double fast path, each activation in a fresh JVM, seeded points from",
            "N(0, 3²); prints the best and median rate over the timed passes, next to eager PyTorch",
            "(one thread, float64) on the same points when /usr/bin/python3 has torch.",
            "Then the ND4J table of validate (the same activations' graphs, forward and backward, on the",
            "backend; --no-nd4j skips it).",
            "With --derive NAME: the time of a named derivation (derive, prove, print), first in this JVM",
            "(Symja's start-up included; the JVM's uptime then approximates 'time ./actlab derive NAME') and",
            "warm (best and median of --passes repetitions after --warmup); for xielu also cold runs of",
            "./actlab derive xielu next to SymPy's derivation of it in a fresh Python."})
public final class BenchCommand implements Callable<Integer> {
    /** The most timed passes and the most warm-up passes. */
    static final int MAX_PASSES = 100;
    /** The most scalar evaluations of one run (points × passes, warm-up included, per activation). */
    static final long MAX_EVALUATIONS = 200_000_000L;

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

    @Option(names = "--derive", paramLabel = "NAME", description = "benchmark a named derivation instead (e.g. xielu)")
    private String derive;

    @Option(names = "--nd4j-points", defaultValue = "4194304",
            description = "points of the ND4J table (per activation; default: ${DEFAULT-VALUE})")
    private long nd4jPoints;

    @Option(names = "--no-nd4j", description = "skip the ND4J throughput table (it loads ND4J: a few seconds)")
    private boolean noNd4j;

    /** The activations of the ND4J throughput table. */
    static final List<String> ND4J_ACTIVATIONS = List.of("relu", "gelu", "silu", "xielu", "polyrelu", "polynorm", "swiglu");

    @Override
    public Integer call() {
        checkPasses();
        if (nd4jPoints < ValidateCommand.MIN_POINTS || nd4jPoints > ValidateCommand.MAX_POINTS) {
            throw new ActlabException("--nd4j-points must be from " + ValidateCommand.MIN_POINTS + " to " + ValidateCommand.MAX_POINTS
                    + ", got " + nd4jPoints);
        }
        if (derive != null) {
            return deriveBench();
        }
        if (points < 1 || points > 100_000_000) {
            throw new ActlabException("--points must be between 1 and 100000000, got " + points);
        }
        if ((long) points * (passes + warmup) > MAX_EVALUATIONS) {
            throw new ActlabException("--points × (--passes + --warmup) = " + (long) points * (passes + warmup)
                    + " evaluations per activation; at most " + MAX_EVALUATIONS);
        }
        PrintWriter out = spec.commandLine().getOut();
        java.util.function.Consumer<String> progress = CommandOutput.progress(spec.commandLine().getErr(), "bench");
        List<ScalarBench.Row> rows = ScalarBench.run(points, warmup, passes, seed, progress);
        out.printf(java.util.Locale.ROOT, "scalar evaluations per second, one thread, double precision, %d points from %s; best and median "
                + "of %d passes after %d warm-up%n", points, ScalarBench.distribution(seed), passes, warmup);
        out.printf(java.util.Locale.ROOT, "  %-26s %12s %12s %12s %12s %9s%n", "activation", "Java best", "Java median", "torch best",
                "torch median", "Java/torch");
        for (ScalarBench.Row r : rows) {
            out.printf(java.util.Locale.ROOT, "  %-26s %12.4g %12.4g %12s %12s %9s%n", label(r.name()), r.java()[0], r.java()[1],
                    r.torch() == null ? "-" : String.format(java.util.Locale.ROOT, "%.4g", r.torch()[0]),
                    r.torch() == null ? "-" : String.format(java.util.Locale.ROOT, "%.4g", r.torch()[1]),
                    r.torch() == null ? "-" : String.format(java.util.Locale.ROOT, "%.2f", r.ratio()));
        }
        out.println("  Java: actlab's double fast path in a fresh JVM per activation (Java " + System.getProperty("java.version")
                + "); torch: eager PyTorch on the same points, torch.set_num_threads(1), float64"
                + (rows.stream().allMatch(r -> r.torch() == null) ? " (not measured: " + ScalarBench.PYTHON + " has no torch)" : ""));
        out.flush();
        if (!noNd4j) {
            org.actlab.gpu.api.GpuHarness harness = org.actlab.gpu.api.HarnessLoader.harness();
            harness.progress(progress);
            progress.accept("ND4J: " + harness.backend());
            out.println();
            out.print(ValidationReport.throughput(harness.backend(), harness.throughput(ND4J_ACTIVATIONS, nd4jPoints, seed)));
            out.flush();
        }
        return 0;
    }

    /** Cold runs of each peer for --derive xielu. */
    static final int COLD_RUNS = 5;

    private static String seconds(double s) {
        return Double.isNaN(s) ? "not measured" : String.format(java.util.Locale.ROOT, "%.3f s", s);
    }

    private static String label(String name) {
        return switch (name) {
            case "xielu" -> "xielu (0.8, 0.8, 0.5)";
            case "gelu" -> "gelu (erf form)";
            case "polyrelu" -> "polyrelu r=3 (0, ⅓, ⅓, ⅓)";
            default -> name;
        };
    }

    private void checkPasses() {
        if (passes < 1 || passes > MAX_PASSES || warmup < 0 || warmup > MAX_PASSES) {
            throw new ActlabException("--passes must be from 1 to " + MAX_PASSES + " and --warmup from 0 to " + MAX_PASSES
                    + ", got " + passes + " and " + warmup);
        }
    }

    private Integer deriveBench() {
        org.actlab.symbolic.NamedDerivations.Named named = org.actlab.symbolic.NamedDerivations.get(derive);
        org.actlab.symbolic.SymbolicEngine engine = org.actlab.symbolic.SymbolicEngine.standard();
        long t0 = System.nanoTime();
        int length = deriveOnce(engine, named);
        double first = (System.nanoTime() - t0) / 1e9;
        long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        for (int i = 0; i < warmup; i++) {
            deriveOnce(engine, named);
        }
        double[] times = new double[passes];
        for (int i = 0; i < passes; i++) {
            long t = System.nanoTime();
            deriveOnce(engine, named);
            times[i] = (System.nanoTime() - t) / 1e9;
        }
        double[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(java.util.Locale.ROOT, "derive %s (derive, prove, print %d characters)%n", derive, length);
        out.printf(java.util.Locale.ROOT, "  first in this JVM: %.3f s (JVM uptime then: %.3f s: %.3f s of JVM start, the CLI and class "
                + "loading before it)%n", first, uptime / 1000.0, uptime / 1000.0 - first);
        out.printf(java.util.Locale.ROOT, "  warm: best %.3f s, median %.3f s over %d passes after %d warm-up (goal: < 0.3 s)%n",
                sorted[0], sorted[passes / 2], passes, warmup);
        if (derive.equals("xielu")) {
            spec.commandLine().getErr().println("bench: cold runs of ./actlab derive xielu and of SymPy's derivation, " + COLD_RUNS + " each");
            org.actlab.bench.ColdStart.Times t = org.actlab.bench.ColdStart.xielu(COLD_RUNS);
            out.printf(java.util.Locale.ROOT, "  cold, a fresh process each (median of %d): ./actlab derive xielu %s; SymPy %s (integrate, "
                    + "constants, f' = g, f'' jump, limits, stationary point)%s%n", t.runs(), seconds(t.actlab()), seconds(t.sympy()),
                    Double.isNaN(t.actlab() / t.sympy()) ? "" : String.format(java.util.Locale.ROOT, "; ratio %.2f", t.actlab() / t.sympy()));
        }
        out.flush();
        return 0;
    }

    private static int deriveOnce(org.actlab.symbolic.SymbolicEngine engine, org.actlab.symbolic.NamedDerivations.Named named) {
        org.actlab.symbolic.GradientSpec s = new org.actlab.symbolic.SpecParser(engine).parse(named.text());
        org.actlab.symbolic.Derivation d = new org.actlab.symbolic.Deriver(engine).derive(s);
        return org.actlab.symbolic.print.DerivationText.print(d).length();
    }
}
