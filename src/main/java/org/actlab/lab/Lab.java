package org.actlab.lab;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.claims.Claim;
import org.actlab.claims.ClaimRegistry;
import org.actlab.claims.Measurement;
import org.actlab.claims.Outcome;
import org.actlab.gpu.api.ActivationCheck;
import org.actlab.gpu.api.GpuHarness;
import org.actlab.gpu.api.HarnessLoader;
import org.actlab.gpu.api.LayerCheck;
import org.actlab.io.Numbers;
import org.actlab.plot.Figures;
import org.actlab.plot.Series;
import org.actlab.plot.TrainingFigure;
import org.actlab.print.TrainingPrinter;
import org.actlab.print.ValidationReport;
import org.actlab.symbolic.Deriver;
import org.actlab.symbolic.GradientSpec;
import org.actlab.symbolic.NamedDerivations;
import org.actlab.symbolic.SpecParser;
import org.actlab.symbolic.SpecText;
import org.actlab.symbolic.SymbolicEngine;
import org.actlab.training.TrainingActivation;
import org.actlab.training.TrainingComparison;
import org.actlab.training.TrainingPlan;
import org.actlab.training.TrainingRun;
import org.actlab.training.TrainingTask;
import org.jfree.chart.JFreeChart;

/**
 * actlab as a library in a few calls: what the notebooks (and a user's own scripts or JShell) start
 * from. Everything here is a thin entry to the packages that do the work ({@code symbolic} derives,
 * {@code activation} evaluates, {@code approx} builds and certifies, {@code claims} checks the papers'
 * statements, {@code plot} draws, {@code gpu.api} reaches the ND4J harness); the records they return are
 * the ones the CLI prints, so a notebook shows exactly what a command would.
 */
public final class Lab {
    /**
     * Figures in notebooks, in pixels: a little smaller than the report's panels ({@link org.actlab.plot.Theme#WIDTH}
     * × {@link org.actlab.plot.Theme#HEIGHT}), so that one fits a notebook's column at 100 %.
     */
    public static final int WIDTH = 760;
    public static final int HEIGHT = 440;

    private Lab() {
    }

    /** The process's symbolic engine with the default timeout per step ({@link SymbolicEngine#DEFAULT_TIMEOUT}). */
    public static SymbolicEngine engine() {
        return SymbolicEngine.standard();
    }

    /** A named derivation ({@code actlab derive NAME}; {@code actlab list} names them) at its default values. */
    public static Design derive(String name) {
        NamedDerivations.Named named = NamedDerivations.get(name);
        return design(named.text(), named.defaults());
    }

    /**
     * A derivation of your own gradient, as {@code actlab derive --gradient G --param P --assume A --anchor C
     * --set V} takes it: {@code new SpecText(name, gradient, params, assume, anchor, set)}, for example
     * {@code new SpecText("mine", "x > 0 : 2*alpha*x + beta ; x <= 0 : beta*exp(x)", "alpha,beta",
     * "alpha > 0, beta > 0", null, "alpha=0.5,beta=1")} (a null anchor is {@code f(0) = 0}). The {@code set}
     * values are used for plots, numbers and the emitted code's defaults.
     */
    public static Design design(SpecText spec) {
        return design(spec, Map.of());
    }

    private static Design design(SpecText text, Map<String, Double> defaults) {
        SymbolicEngine engine = engine();
        return engine.within(engine.timeout().multipliedBy(Deriver.TOTAL_TIME_STEPS + 1), "derive", () -> {
            GradientSpec spec = new SpecParser(engine).parse(text);
            Map<String, Double> values = new LinkedHashMap<>();
            List<String> names = spec.symbols().parameterNames();
            double[] v = spec.parameterValues(defaults);
            for (int i = 0; i < v.length; i++) {
                values.put(names.get(i), v[i]);
            }
            return new Design(new Deriver(engine).derive(spec), values, engine);
        });
    }

    /** A catalogue activation at its default parameters ({@code actlab list} names them). */
    public static ScalarActivation activation(String name) {
        return Catalogue.scalar(name);
    }

    /** n equally spaced points from lo to hi, both included. */
    public static double[] grid(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
        }
        return x;
    }

    /** A line chart of functions on [lo, hi] (601 points each), in the map's order, themed as the report's figures. */
    public static JFreeChart curves(String title, String yLabel, double lo, double hi, Map<String, DoubleUnaryOperator> functions) {
        return curves(title, yLabel, lo, hi, 601, functions);
    }

    /** The same on {@code points} points (more for curves with fine detail, such as an approximation's error). */
    public static JFreeChart curves(String title, String yLabel, double lo, double hi, int points, Map<String, DoubleUnaryOperator> functions) {
        double[] x = grid(lo, hi, points);
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, DoubleUnaryOperator> e : functions.entrySet()) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = e.getValue().applyAsDouble(x[i]);
            }
            series.add(new Series(e.getKey(), x, y, false));
        }
        JFreeChart chart = Figures.lines(title, "x", yLabel, series);
        Figures.zeroLines(chart);
        return chart;
    }

    /** The chart as an image (a notebook shows a {@code BufferedImage} inline as PNG). */
    public static BufferedImage image(JFreeChart chart) {
        return image(chart, WIDTH, HEIGHT);
    }

    /** The chart as an image of the given size in pixels. */
    public static BufferedImage image(JFreeChart chart, int width, int height) {
        return chart.createBufferedImage(width, height);
    }

    /** Runs one claim of {@code actlab verify} ({@code actlab verify --list} names them). */
    public static Outcome check(String claimId) {
        Claim claim = ClaimRegistry.select(List.of(claimId)).get(0);
        return claim.check();
    }

    /**
     * An outcome in words: status, summary, and every measurement with what it was held to. Its run time is
     * left out, so the text is the same on every run.
     */
    public static String describe(Outcome o) {
        StringBuilder b = new StringBuilder(o.id()).append(": ").append(o.status()).append("\n  ").append(o.summary()).append('\n');
        for (Measurement m : o.measurements()) {
            b.append("  ").append(m.met() ? "ok   " : "FAIL ").append(m.name()).append(" = ").append(Numbers.format(m.value()))
                    .append("  (").append(m.requirement()).append(")\n");
        }
        return b.toString();
    }

    /**
     * Re-checks a derived activation in the ND4J harness, as {@code actlab validate --gradient ...} does:
     * its ND4J graph (f, f′ and every ∂f/∂θ) against the Java reference on {@code points} seeded points,
     * a sample of them against Symja at 30 digits, and, when it has parameters, its DL4J layer (gradient
     * checks in double precision).
     */
    public static ValidationReport validate(Design design, long points, long seed) {
        GpuHarness h = harness();
        ActivationCheck check = h.checkDerived(design.input(), design.engine(), points, GpuHarness.DEFAULT_EXACT_POINTS, seed);
        List<LayerCheck> layers = design.input().trainable() ? h.checkLayers(List.of(design.input()), false, seed) : List.of();
        return new ValidationReport(h.backend(), seed, List.of(check), layers, List.of());
    }

    /**
     * Trains small networks on {@code task} ({@code actlab train}'s quick schedule, Adam, double precision) with
     * the catalogue activations {@code baselines} and the designs, {@code seeds} seeds each (1 … seeds), and
     * compares their validation losses as {@code actlab train} does. The designs train at their values.
     */
    public static Training train(String task, List<String> baselines, List<Design> designs, int seeds) {
        List<TrainingActivation> acts = new ArrayList<>(baselines.stream().map(TrainingActivation::named).toList());
        for (Design d : designs) {
            acts.add(TrainingActivation.derived(d.input(), acts.size()));
        }
        TrainingPlan plan = new TrainingPlan(List.of(TrainingTask.named(task)), acts, TrainingPlan.seeds(1, seeds), true);
        List<TrainingRun> runs = harness().train(plan);
        return new Training(plan, runs, TrainingComparison.of(runs));
    }

    /**
     * What {@link #train} ran and found.
     *
     * @param plan        tasks, activations, seeds, schedule
     * @param runs        every run (loss curves, final losses)
     * @param comparisons per task: the activations ranked by mean validation loss, with Welch tests against the best
     */
    public record Training(TrainingPlan plan, List<TrainingRun> runs, List<TrainingComparison> comparisons) {
        /** The comparison as {@code actlab train --format md} prints it. */
        public String markdown() {
            return TrainingPrinter.markdown(comparisons, plan);
        }

        /** The first task's loss curves. */
        public JFreeChart chart() {
            return TrainingFigure.chart(comparisons.get(0));
        }
    }

    /** The ND4J harness (loaded on first use from {@code actlab-gpu.jar} and {@code lib/} next to {@code actlab.jar}). */
    public static GpuHarness harness() {
        return HarnessLoader.harness();
    }
}
