package org.actlab.gpu;

import org.actlab.validation.TermSize;
import org.actlab.validation.SamplePoints;
import org.actlab.validation.Worst;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.actlab.activation.Activation;
import org.actlab.activation.Catalogue;
import org.actlab.activation.ParameterValues;
import org.actlab.activation.ScalarActivation;
import org.actlab.activation.VectorActivation;
import org.actlab.gpu.api.ActivationCheck;
import org.actlab.gpu.api.Difference;
import org.actlab.gpu.api.PointRates;
import org.actlab.io.Numbers;

/**
 * A catalogue activation's SameDiff form ({@link SdCatalogue}) held to the scalar Java catalogue on many
 * seeded points: f, f′ (dL/dx of L = Σ f) and ∂f/∂θ for every trainable parameter, point by point, each
 * difference in units of the term size of the catalogue's one generic formula run on {@link TermSize}.
 * Vector activations (PolyNorm, SwiGLU) run on rows of {@link #FEATURES} features: y per feature, the
 * input gradient Σ_i ∂y_i/∂x_j and Σ_i ∂y_i/∂θ per row.
 */
public final class CatalogueCheck {
    /**
     * The largest allowed difference in units of the term size T. To first order each evaluation is
     * within k·u·T of the exact value (u = 2⁻⁵³ ≈ 1.1e-16, k the operations on the longest path of the
     * formula times the ulps of each library function: ≤ 130 operations for PolyReLU of order 64, ≤ 2 ulps
     * for exp, erf, tanh in Java and in ND4J's C++); two evaluations differ by at most 2·2·130·u ≈ 5.8e-14.
     */
    static final double TOLERANCE = 1e-13;

    /**
     * Points per ND4J pass. SameDiff allocates every intermediate array; 2¹⁸ doubles (2 MiB) per array was
     * the fastest chunk on the CPU backend (2¹⁶ to 2²⁰ measured: 1e6 ↔ 3e6 points/s for xIELU's graph).
     */
    static final int CHUNK = 1 << 18;

    /** Features per row for the vector activations (SwiGLU: u and v of 4 each). */
    static final int FEATURES = 8;

    private CatalogueCheck() {
    }

    /** The points where {@code name}'s formula changes, sampled closely. */
    static double[] breakpoints(String name, ParameterValues values) {
        switch (name) {
            case "xielu-ref":
                return new double[] {0, values.get("eps")};
            case "softplus":
                return new double[] {0, values.get("threshold") / values.get("beta")};
            case "gelu-tanh":
                return new double[] {0, 30, -30};
            default:
                return new double[] {0};
        }
    }

    public static ActivationCheck run(String name, Map<String, double[]> given, long points, long seed, Consumer<String> progress) {
        Activation a = Catalogue.create(name, given);
        return a instanceof ScalarActivation s ? scalar(s, points, seed, progress) : vector((VectorActivation) a, points, seed, progress);
    }

    /** The trainable parameters' values, in slot order. */
    private static double[] trainableValues(ParameterValues values) {
        int[] slots = values.trainableSlots();
        double[] theta = new double[slots.length];
        for (int j = 0; j < slots.length; j++) {
            theta[j] = values.values()[slots[j]];
        }
        return theta;
    }

    /** One worst-difference tracker per trainable parameter, named {@code prefix + name}. */
    private static Worst[] parameterWorsts(String prefix, ParameterValues values) {
        return values.trainableNames().stream().map(n -> new Worst(prefix + n)).toArray(Worst[]::new);
    }

    private static ActivationCheck scalar(ScalarActivation a, long points, long seed, Consumer<String> progress) {
        ParameterValues values = a.parameters();
        SdGraph graph = SdCatalogue.graph(a.name(), values, 1);
        double[] theta = trainableValues(values);
        int k = theta.length;
        Worst f = new Worst("f");
        Worst df = new Worst("f'");
        Worst[] dp = parameterWorsts("df/d", values);
        List<String> names = values.trainableNames();
        KnownDifference known = a.name().equals("xielu-ref") ? new KnownDifference(Catalogue.scalar("xielu", xieluOf(values)), values.get("eps")) : null;
        SamplePoints sample = new SamplePoints(seed, breakpoints(a.name(), values));
        Clock nd4j = new Clock();
        double javaRate = 0;
        Overflow overflow = new Overflow();
        for (long done = 0; done < points; ) {
            int m = (int) Math.min(CHUNK, points - done);
            double[] xs = sample.next(m);
            SdGraph.Pass pass = nd4j.time(m, done > 0, () -> graph.run(xs));
            double[][] ref = new double[2 * (2 + k)][m];
            IntStream.range(0, m).parallel().forEach(i -> reference(a, theta, xs[i], ref, i));
            for (int i = 0; i < m; i++) {
                double x = xs[i];
                f.offer(x, pass.y()[i], ref[0][i], ref[1][i]);
                if (!Double.isFinite(ref[0][i])) {
                    overflow.add(x);
                    continue;
                }
                df.offer(x, pass.dx()[i], ref[2][i], ref[3][i]);
                for (int j = 0; j < k; j++) {
                    dp[j].offer(x, pass.parameterGradients().get(names.get(j))[i], ref[4 + 2 * j][i], ref[5 + 2 * j][i]);
                }
                if (known != null) {
                    known.offer(x, pass.y()[i], pass.dx()[i]);
                }
            }
            done += m;
            if (done >= points) {
                javaRate = javaRate(a, xs);   // on the last chunk: the JIT has compiled the catalogue's paths by now
            }
            if (done >= points || (done / m) % 16 == 0) {
                progress.accept(String.format(Locale.ROOT, "%s: %d of %d points", a.name(), done, points));
            }
        }
        List<Difference> diffs = new ArrayList<>();
        diffs.add(f.result());
        diffs.add(df.result());
        for (Worst w : dp) {
            diffs.add(w.result());
        }
        return result(a, points, diffs, join(known == null ? null : known.text(), overflow.text()),
                new PointRates(a.name(), javaRate, nd4j.rate()));
    }

    /** Throughput alone: the Java path and the ND4J graph of {@code name} (default parameters) on about {@code points} points. */
    public static PointRates rates(String name, long points, long seed) {
        Activation a = Catalogue.create(name, Map.of());
        int width = a instanceof VectorActivation ? FEATURES : 1;
        SdGraph graph = SdCatalogue.graph(name, a.parameters(), width);
        SamplePoints sample = new SamplePoints(seed, breakpoints(name, a.parameters()));
        Clock clock = new Clock();
        double javaRate = 0;
        long total = Math.max(width, points / width * width);
        for (long done = 0; done < total; ) {
            int m = (int) Math.min(CHUNK / width * width, total - done);
            double[] xs = sample.next(m);
            clock.time(m, done > 0, () -> graph.run(xs));
            done += m;
            if (done >= total) {
                javaRate = a instanceof ScalarActivation s ? javaRate(s, xs) : javaRate((VectorActivation) a, xs, width);
            }
        }
        return new PointRates(name, javaRate, clock.rate());
    }

    /** Reference values and term sizes at x: f, T(f), f′, T(f′), then ∂f/∂θ_j, T(∂f/∂θ_j). */
    private static void reference(ScalarActivation a, double[] theta, double x, double[][] out, int i) {
        int k = theta.length;
        TermSize[] q = new TermSize[k];
        for (int j = 0; j < k; j++) {
            q[j] = TermSize.variable(1 + k, 1 + j, theta[j]);
        }
        TermSize t = a.value(TermSize.variable(1 + k, 0, x), q);
        double[] d = a.derivatives(x);
        double[] g = a.parameterGradient(x);
        out[0][i] = d[0];
        out[1][i] = t.size();
        out[2][i] = d[1];
        out[3][i] = t.derivativeSize(0);
        for (int j = 0; j < k; j++) {
            out[4 + 2 * j][i] = g[j];
            out[5 + 2 * j][i] = t.derivativeSize(1 + j);
        }
    }

    private static ActivationCheck vector(VectorActivation a, long points, long seed, Consumer<String> progress) {
        ParameterValues values = a.parameters();
        int d = FEATURES;
        int out = a.outputDimension(d);
        SdGraph graph = SdCatalogue.graph(a.name(), values, d);
        double[] theta = trainableValues(values);
        int k = theta.length;
        Worst y = new Worst("y");
        Worst dx = new Worst("sum_i dy_i/dx_j");
        Worst[] dp = parameterWorsts("sum_i dy_i/d", values);
        List<String> names = values.trainableNames();
        SamplePoints sample = new SamplePoints(seed, new double[] {0});
        Clock nd4j = new Clock();
        double javaRate = 0;
        Overflow overflow = new Overflow();
        long rows = Math.max(1, points / d);
        for (long done = 0; done < rows; ) {
            int m = (int) Math.min(CHUNK / d, rows - done);
            double[] xs = sample.next(m * d);
            SdGraph.Pass pass = nd4j.time((long) m * d, done > 0, () -> graph.run(xs));
            RowReference[] ref = new RowReference[m];
            IntStream.range(0, m).parallel().forEach(r -> ref[r] = RowReference.of(a, theta, xs, r, d, out));
            for (int r = 0; r < m; r++) {
                boolean finite = true;
                for (int i = 0; i < out; i++) {
                    y.offer(xs[r * d + i], pass.y()[r * out + i], ref[r].y[i], ref[r].ySize[i]);
                    finite &= Double.isFinite(ref[r].y[i]);
                }
                if (!finite) {
                    overflow.add(xs[r * d]);
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    dx.offer(xs[r * d + j], pass.dx()[r * d + j], ref[r].dx[j], ref[r].dxSize[j]);
                }
                for (int j = 0; j < k; j++) {
                    dp[j].offer(xs[r * d], pass.parameterGradients().get(names.get(j))[r], ref[r].dp[j], ref[r].dpSize[j]);
                }
            }
            done += m;
            if (done >= rows) {
                javaRate = javaRate(a, xs, d);
            }
            if (done >= rows || (done / m) % 16 == 0) {
                progress.accept(String.format(Locale.ROOT, "%s: %d of %d points", a.name(), done * d, rows * d));
            }
        }
        List<Difference> diffs = new ArrayList<>();
        diffs.add(y.result());
        diffs.add(dx.result());
        for (Worst w : dp) {
            diffs.add(w.result());
        }
        return result(a, rows * d, diffs, overflow.text(), new PointRates(a.name(), javaRate, nd4j.rate()));
    }

    /** One row's reference: y (fast path) and the sums of its derivatives, with their term sizes. */
    private record RowReference(double[] y, double[] ySize, double[] dx, double[] dxSize, double[] dp, double[] dpSize) {
        static RowReference of(VectorActivation a, double[] theta, double[] xs, int row, int d, int out) {
            int k = theta.length;
            int n = d + k;
            TermSize[] in = new TermSize[d];
            double[] plain = new double[d];
            for (int j = 0; j < d; j++) {
                plain[j] = xs[row * d + j];
                in[j] = TermSize.variable(n, j, plain[j]);
            }
            TermSize[] q = new TermSize[k];
            for (int j = 0; j < k; j++) {
                q[j] = TermSize.variable(n, d + j, theta[j]);
            }
            TermSize[] t = a.value(in, q);
            double[] ySize = new double[out];
            double[] dx = new double[d];
            double[] dxSize = new double[d];
            double[] dp = new double[k];
            double[] dpSize = new double[k];
            for (int i = 0; i < out; i++) {
                ySize[i] = t[i].size();
                for (int j = 0; j < d; j++) {
                    dx[j] += t[i].derivative(j);
                    dxSize[j] += t[i].derivativeSize(j);
                }
                for (int j = 0; j < k; j++) {
                    dp[j] += t[i].derivative(d + j);
                    dpSize[j] += t[i].derivativeSize(d + j);
                }
            }
            return new RowReference(a.value(plain), ySize, dx, dxSize, dp, dpSize);
        }
    }

    private static ActivationCheck result(Activation a, long points, List<Difference> diffs, String known, PointRates rate) {
        boolean passed = diffs.stream().allMatch(w -> w.worst() <= TOLERANCE);
        return new ActivationCheck(a.name(), parameterText(a.parameters()), points, SamplePoints.DISTRIBUTION, diffs, TOLERANCE,
                known, rate, passed);
    }

    /** Two notes in one (either may be null). */
    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }

    /**
     * The points where the catalogue's f itself overflows (is ±∞): automatic differentiation of an overflowed
     * value forms ∞·0 = NaN for the derivatives in Java, so only f is compared there.
     */
    private static final class Overflow {
        private long count;
        private double from = Double.POSITIVE_INFINITY;

        void add(double x) {
            count++;
            from = Math.min(from, Math.abs(x));
        }

        String text() {
            return count == 0 ? null : String.format(Locale.ROOT, "f overflows double precision at %d sampled points (from |x| = %s "
                    + "on); there its derivatives by automatic differentiation are ∞·0 = NaN in Java, so f alone was compared",
                    count, Numbers.format(from));
        }
    }

    /** {@code name=value} pairs of the effective parameters. */
    static String parameterText(ParameterValues values) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, double[]> e : values.asMap().entrySet()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(e.getKey()).append('=');
            double[] v = e.getValue();
            for (int i = 0; i < v.length; i++) {
                b.append(i > 0 ? "," : "").append(Numbers.format(v[i]));
            }
        }
        return b.toString();
    }

    /** The xielu parameters of a xielu-ref parameter set (xielu-ref's eps left out). */
    private static Map<String, double[]> xieluOf(ParameterValues ref) {
        return Map.of("alpha_p", new double[] {ref.get("alpha_p")}, "alpha_n", new double[] {ref.get("alpha_n")},
                "beta", new double[] {ref.get("beta")});
    }

    /** f and f′ of the scalar Java path, evaluations per second on one thread (one chunk, timed once). */
    private static double javaRate(ScalarActivation a, double[] xs) {
        long start = System.nanoTime();
        double sink = 0;
        for (double x : xs) {
            sink += a.value(x) + a.derivative(x);
        }
        long ns = System.nanoTime() - start;
        Clock.sink(sink);
        return xs.length / (ns * 1e-9);
    }

    /** y and the Jacobian of the Java path per row, features per second on one thread. */
    private static double javaRate(VectorActivation a, double[] xs, int d) {
        long start = System.nanoTime();
        double sink = 0;
        double[] row = new double[d];
        for (int r = 0; r + d <= xs.length; r += d) {
            System.arraycopy(xs, r, row, 0, d);
            sink += a.value(row)[0] + a.jacobian(row)[0][0];
        }
        long ns = System.nanoTime() - start;
        Clock.sink(sink);
        return xs.length / (ns * 1e-9);
    }

    /**
     * xielu-ref against the exact xielu on the same points: the reference code's clamp expm1(min(x, eps))
     * changes f and f′ on (eps, 0]; measured, so the report states how much, and where.
     */
    private static final class KnownDifference {
        private final ScalarActivation exact;
        private double worstF;
        private double atF = Double.NaN;
        private double worstDf;
        private double atDf = Double.NaN;
        private double lo = Double.POSITIVE_INFINITY;
        private double hi = Double.NEGATIVE_INFINITY;
        private long differing;
        private long outside;

        private final double eps;

        KnownDifference(ScalarActivation exact, double eps) {
            this.exact = exact;
            this.eps = eps;
        }

        void offer(double x, double y, double dy) {
            double ef = Math.abs(y - exact.value(x));
            double ed = Math.abs(dy - exact.derivative(x));
            // beyond rounding: more than 1e-12 relative to the larger of |f|, |x| (f′: to |f′| + 1)
            double scale = Math.max(Math.abs(y), Math.abs(x)) + Double.MIN_NORMAL;
            if (!(ef > 1e-12 * scale || ed > 1e-12 * (Math.abs(dy) + 1))) {
                return;
            }
            differing++;
            if (!(x >= eps && x <= 0)) {
                outside++;
            }
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
            if (ef > worstF) {
                worstF = ef;
                atF = x;
            }
            if (ed > worstDf) {
                worstDf = ed;
                atDf = x;
            }
        }

        String text() {
            return String.format(Locale.ROOT, "xielu-ref follows the reference code, expm1(min(x, eps)) with eps = %s: against the "
                            + "exact xielu it differs beyond rounding on %d sampled points, in [%s, %s], %s; there the largest |Δf| = %s (x = %s), "
                            + "largest |Δf'| = %s (x = %s)", Numbers.format(eps), differing,
                    differing == 0 ? "-" : Numbers.format(lo), differing == 0 ? "-" : Numbers.format(hi),
                    outside == 0 ? "all in [eps, 0] (at x = eps the reference's min passes half the gradient)"
                            : outside + " of them outside [eps, 0]",
                    Numbers.format(worstF), Numbers.format(atF), Numbers.format(worstDf), Numbers.format(atDf));
        }
    }
}
