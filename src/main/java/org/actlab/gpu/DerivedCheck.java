package org.actlab.gpu;

import org.actlab.validation.TermSizeOperations;
import org.actlab.validation.TermSize;
import org.actlab.validation.SamplePoints;
import org.actlab.validation.Worst;
import org.actlab.symbolic.ExpressionCompiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.actlab.activation.Catalogue;
import org.actlab.activation.ScalarActivation;
import org.actlab.gpu.api.ActivationCheck;
import org.actlab.symbolic.DerivedInput;
import org.actlab.gpu.api.Difference;
import org.actlab.gpu.api.PointRates;
import org.actlab.io.Numbers;
import org.actlab.symbolic.Derivation;
import org.actlab.symbolic.DerivedFunction;
import org.actlab.symbolic.GradientSpec;
import org.actlab.symbolic.NumericExpression;
import org.actlab.symbolic.SymbolicEngine;
import org.hipparchus.fraction.BigFraction;

/**
 * A derived activation compiled to SameDiff ({@link SdDerived}) and held to three independent things:
 * <ul>
 *   <li>f against Java's evaluation of the same stable closed form (on {@link TermSize}), every point;</li>
 *   <li>f′ (ND4J's autodiff of the compiled f) against the gradient g the user wrote, every point: this
 *       checks the integration and the compilation together;</li>
 *   <li>f and f′ against the closed form and g evaluated by Symja to 30 digits and more ({@link DerivedFunction})
 *       on a subsample (the worst points found, the special points and the first random ones, |x| ≤ 20);</li>
 *   <li>for a named derivation, f and f′ against the catalogue activation it must equal (one formula, one
 *       source of truth: the compiled graph of {@code xielu} is the catalogue's xielu);</li>
 * </ul>
 * and ∂f/∂θ for every parameter against Java's autodiff of the stable form. Units: term sizes of the
 * stable form (for g, the sum of the sizes of both formulas); tolerance as for the catalogue.
 */
public final class DerivedCheck {
    /** The subsample keeps to |x| ≤ this: far out Symja's 30-digit evaluation of e^(±x²) and the like gets slow. */
    static final double EXACT_RANGE = 20;

    /** Time for one 30-digit evaluation; a point that takes longer is left out (and counted). */
    static final java.time.Duration EXACT_TIMEOUT = java.time.Duration.ofSeconds(5);

    private DerivedCheck() {
    }

    public static ActivationCheck run(DerivedInput input, SymbolicEngine engine, long points, int exactPoints, long seed,
                               Consumer<String> progress) {
        Derivation derivation = input.derivation();
        double[] values = input.values();
        GradientSpec spec = derivation.spec();
        ScalarActivation catalogue = input.catalogue() == null ? null : Catalogue.scalar(input.catalogue(), input.catalogueParameters());
        List<String> names = spec.symbols().parameterNames();
        if (values.length != names.size()) {
            throw new org.actlab.ActlabException("values for " + names.size() + " parameters needed (" + String.join(", ", names)
                    + "), got " + values.length);
        }
        SdDerived compiled = new SdDerived(derivation, engine);
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            parameters.put(names.get(j), values[j]);
        }
        SdGraph graph = new SdGraph(parameters, 1, (sd, x, vars) -> compiled.apply(sd, x, vars));
        int k = names.size();
        int n = 1 + k;
        List<ExpressionCompiler.Form<TermSize>> f = new ArrayList<>();
        List<ExpressionCompiler.Form<TermSize>> g = new ArrayList<>();
        List<NumericExpression> plainF = new ArrayList<>();
        List<NumericExpression> plainG = new ArrayList<>();
        for (int i = 0; i < compiled.pieces().size(); i++) {
            f.add(ExpressionCompiler.compile(compiled.pieces().get(i), spec.symbols()));
            g.add(ExpressionCompiler.compile(spec.pieces().get(i).gradient(), spec.symbols()));
            plainF.add(NumericExpression.compile(derivation.pieces().get(i).activation(), spec.symbols()));
            plainG.add(NumericExpression.compile(spec.pieces().get(i).gradient(), spec.symbols()));
        }
        TermSizeOperations ops = new TermSizeOperations(n);
        Worst wf = new Worst("f");
        Worst wg = new Worst("f' vs g");
        Worst[] wp = new Worst[k];
        for (int j = 0; j < k; j++) {
            wp[j] = new Worst("df/d" + names.get(j));
        }
        Worst cf = catalogue == null ? null : new Worst("f vs catalogue " + catalogue.name());
        Worst cd = catalogue == null ? null : new Worst("f' vs catalogue " + catalogue.name());
        double[] breakpoints = spec.breakpoints().stream().mapToDouble(BigFraction::doubleValue).toArray();
        SamplePoints sample = new SamplePoints(seed, breakpoints);
        Clock nd4j = new Clock();
        double javaRate = 0;
        double[] firstPoints = null;
        long overflow = 0;
        double overflowFrom = Double.POSITIVE_INFINITY;
        for (long done = 0; done < points; ) {
            int m = (int) Math.min(CatalogueCheck.CHUNK, points - done);
            double[] xs = sample.next(m);
            if (firstPoints == null) {
                firstPoints = xs;
            }
            SdGraph.Pass pass = nd4j.time(m, done > 0, () -> graph.run(xs));
            double[][] ref = new double[2 * (2 + k) + 4][m];
            int c0 = 2 * (2 + k);
            IntStream.range(0, m).parallel().forEach(i -> {
                double x = xs[i];
                int piece = spec.pieceAt(x);
                TermSize xt = TermSize.variable(n, 0, x);
                TermSize[] p = new TermSize[k];
                for (int j = 0; j < k; j++) {
                    p[j] = TermSize.variable(n, 1 + j, values[j]);
                }
                TermSize t = f.get(piece).at(ops, xt, j -> p[j]);
                TermSize gt = g.get(piece).at(ops, xt, j -> p[j]);
                ref[0][i] = t.getValue();
                ref[1][i] = t.size();
                ref[2][i] = gt.getValue();
                ref[3][i] = t.derivativeSize(0) + gt.size();
                for (int j = 0; j < k; j++) {
                    ref[4 + 2 * j][i] = t.derivative(1 + j);
                    ref[5 + 2 * j][i] = t.derivativeSize(1 + j);
                }
                if (catalogue != null) {
                    // two formulas of one function: their roundings add, so the unit is the sum of both term sizes
                    TermSize ct = catalogue.value(TermSize.variable(1, 0, x));
                    double[] d = catalogue.derivatives(x);
                    ref[c0][i] = d[0];
                    ref[c0 + 1][i] = ct.size() + t.size();
                    ref[c0 + 2][i] = d[1];
                    ref[c0 + 3][i] = ct.derivativeSize(0) + t.derivativeSize(0);
                }
            });
            for (int i = 0; i < m; i++) {
                if (!Double.isFinite(ref[0][i]) || !Double.isFinite(ref[2][i])) {
                    // the closed form or the gradient as written overflows in double here (e^x beyond 709.8, e^(−x)·σ(x)²
                    // below −709.8, …): Java's evaluation of that formula is ±inf or NaN, whatever the true value
                    overflow++;
                    overflowFrom = Math.min(overflowFrom, Math.abs(xs[i]));
                    continue;
                }
                wf.offer(xs[i], pass.y()[i], ref[0][i], ref[1][i]);
                wg.offer(xs[i], pass.dx()[i], ref[2][i], ref[3][i]);
                for (int j = 0; j < k; j++) {
                    wp[j].offer(xs[i], pass.parameterGradients().get(names.get(j))[i], ref[4 + 2 * j][i], ref[5 + 2 * j][i]);
                }
                if (catalogue != null) {
                    cf.offer(xs[i], pass.y()[i], ref[c0][i], ref[c0 + 1][i]);
                    cd.offer(xs[i], pass.dx()[i], ref[c0 + 2][i], ref[c0 + 3][i]);
                }
            }
            done += m;
            if (done >= points) {
                javaRate = javaRate(spec, plainF, plainG, values, xs);
            }
            if (done >= points || (done / m) % 16 == 0) {
                progress.accept(String.format(Locale.ROOT, "%s: %d of %d points", label(spec), done, points));
            }
        }
        List<Difference> diffs = new ArrayList<>();
        diffs.add(wf.result());
        diffs.add(wg.result());
        for (Worst w : wp) {
            diffs.add(w.result());
        }
        if (catalogue != null) {
            diffs.add(cf.result());
            diffs.add(cd.result());
        }
        diffs.addAll(exact(derivation, values, graph, f, ops, n, subsample(firstPoints, exactPoints, wf, wg, wp), progress));
        boolean passed = diffs.stream().allMatch(d -> d.worst() <= CatalogueCheck.TOLERANCE);
        String note = overflow == 0 ? null : String.format(Locale.ROOT, "the closed form or the gradient as written overflows double "
                + "precision at %d of the sampled points (from |x| = %s on: Java's evaluation of it is ±inf or NaN there, whatever "
                + "the true value); they were left out of every comparison", overflow, Numbers.format(overflowFrom));
        return new ActivationCheck(label(spec), parameterText(names, values), points, SamplePoints.DISTRIBUTION, diffs,
                CatalogueCheck.TOLERANCE, note, new PointRates(label(spec), javaRate, nd4j.rate()), passed);
    }

    /** The subsample for the 30-digit comparison: the worst points found, then the first points, all with |x| ≤ 20. */
    private static double[] subsample(double[] first, int count, Worst wf, Worst wg, Worst[] wp) {
        List<Double> xs = new ArrayList<>();
        for (Worst w : concat(wf, wg, wp)) {
            if (!Double.isNaN(w.at()) && Math.abs(w.at()) <= EXACT_RANGE) {
                xs.add(w.at());
            }
        }
        for (int i = 0; i < first.length && xs.size() < count; i++) {
            if (Math.abs(first[i]) <= EXACT_RANGE) {
                xs.add(first[i]);
            }
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<Worst> concat(Worst a, Worst b, Worst[] rest) {
        List<Worst> out = new ArrayList<>(List.of(a, b));
        out.addAll(Arrays.asList(rest));
        return out;
    }

    private static List<Difference> exact(Derivation derivation, double[] values, SdGraph graph,
                                          List<ExpressionCompiler.Form<TermSize>> f, TermSizeOperations ops, int n, double[] xs,
                                          Consumer<String> progress) {
        progress.accept(String.format(Locale.ROOT, "%s: %d points to 30 digits", derivation.spec().name(), xs.length));
        DerivedFunction exact = new DerivedFunction(derivation, SymbolicEngine.withTimeout(EXACT_TIMEOUT), values);
        SdGraph.Pass pass = graph.run(xs);
        Worst wf = new Worst("f vs Symja, 30+ digits");
        Worst wd = new Worst("f' vs Symja, 30+ digits");
        int k = n - 1;
        int skipped = 0;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            DerivedFunction.Point e;
            try {
                e = exact.evaluate(new double[] {x}).get(0);
            } catch (org.actlab.ActlabException tooSlow) {
                skipped++;   // Symja did not finish within EXACT_TIMEOUT
                continue;
            }
            TermSize[] p = new TermSize[k];
            for (int j = 0; j < k; j++) {
                p[j] = TermSize.variable(n, 1 + j, values[j]);
            }
            TermSize t = f.get(derivation.spec().pieceAt(x)).at(ops, TermSize.variable(n, 0, x), j -> p[j]);
            wf.offer(x, pass.y()[i], e.y(), t.size());
            wd.offer(x, pass.dx()[i], e.dy(), t.derivativeSize(0));
        }
        String note = String.format(Locale.ROOT, " (%d points%s)", xs.length - skipped,
                skipped == 0 ? "" : ", " + skipped + " left out: Symja took over " + EXACT_TIMEOUT.toSeconds() + " s");
        Difference df = wf.result();
        Difference dd = wd.result();
        return List.of(new Difference(df.quantity() + note, df.worst(), df.at(), df.nd4j(), df.expected()),
                new Difference(dd.quantity() + note, dd.worst(), dd.at(), dd.nd4j(), dd.expected()));
    }

    /** f and g of the scalar Java path (the plain closed form and g in double), points per second, one thread. */
    private static double javaRate(GradientSpec spec, List<NumericExpression> f, List<NumericExpression> g, double[] values, double[] xs) {
        long start = System.nanoTime();
        double sink = 0;
        for (double x : xs) {
            int i = spec.pieceAt(x);
            sink += f.get(i).value(x, values) + g.get(i).value(x, values);
        }
        long ns = System.nanoTime() - start;
        Clock.sink(sink);
        return xs.length / (ns * 1e-9);
    }

    /** How a derived activation is named in the report. */
    static String label(GradientSpec spec) {
        return spec.name().equals("custom") ? "derived g = " + org.actlab.io.Excerpt.of(spec.source()) : spec.name() + " (derived)";
    }

    private static String parameterText(List<String> names, double[] values) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < names.size(); j++) {
            b.append(j > 0 ? " " : "").append(names.get(j)).append('=').append(Numbers.format(values[j]));
        }
        return b.toString();
    }
}
