package org.actlab.sobolev;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.actlab.network.SparseNetwork;
import org.actlab.ActlabException;
import org.actlab.sobolev.LocalTaylorNetwork.Built;
import org.actlab.sobolev.LocalTaylorNetwork.Kind;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Theorem 3 measured: for each target ε, the PolyReLU and the ReLU network of the local-Taylor
 * construction, their parameters and their sup error (dense non-dyadic sampling, next to the
 * construction's bound), the fitted slope of log(error) against log(parameters) for each kind with a
 * 95 % confidence interval, and the ReLU/PolyReLU parameter ratio at each ε.
 */
public final class RateExperiment {
    /** Levels beyond this are not tried (the gadget's error 2^(−2m−2) is then far below any double ε). */
    static final int MAX_LEVELS = 26;
    /** Split of ε between the Taylor error and the products for ReLU, searched over these shares. */
    private static final double[] SHARES = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** One network. */
    /**
     * One network.
     *
     * @param certified the exact sup error over [0, 1] when asked for and available (d = 1: PolyReLU
     *                  networks for piecewise-polynomial functions, ReLU networks for polynomial ones),
     *                  else NaN
     */
    public record Point(double eps, Kind kind, int cells, int levels, long parameters, long dense, int depth, int width,
                        double sampledError, double bound, double certified) {
    }

    /**
     * What to do besides measuring.
     *
     * @param certify certify d = 1 networks exactly where f allows (see {@link Point#certified()})
     * @param saver   receives every network built (to save it), or null
     */
    public record Options(boolean certify, java.util.function.BiConsumer<Point, org.actlab.network.Network> saver) {
        /** Measure only. */
        public static final Options NONE = new Options(false, null);
    }

    /** A least-squares slope with its 95 % confidence interval (NaN half-width with fewer than 3 points). */
    public record Fit(double slope, double halfWidth, int points, double errorDecades) {
    }

    /**
     * The outcome.
     *
     * @param function     the target
     * @param layout       how the products are arranged
     * @param d            dimension
     * @param n            smoothness
     * @param norm         its computed W^{n,∞} norm
     * @param points       every network, in ε order, PolyReLU first at each ε
     * @param fits         slope per kind
     * @param ratios       ReLU/PolyReLU parameters at each ε (in ε order; NaN where the ReLU network was too
     *                     large to build as dense layers)
     * @param seconds      wall-clock time
     */
    public record Result(SobolevFunction function, LocalTaylorNetwork.Layout layout, int d, int n, double norm, List<Point> points, Map<Kind, Fit> fits,
                         double[] ratios, double seconds) {
        /**
         * Least-squares growth of the ReLU/PolyReLU ratio per decade of ε (over the ε where both were
         * built; NaN with fewer than two).
         */
        public double ratioGrowthPerDecade() {
            SimpleRegression reg = new SimpleRegression();
            int i = 0;
            for (Point p : points) {
                if (p.kind() == Kind.POLYRELU) {
                    double ratio = ratios[i++];
                    if (!Double.isNaN(ratio)) {
                        reg.addData(Math.log10(1 / p.eps()), ratio);
                    }
                }
            }
            return reg.getN() >= 2 ? reg.getSlope() : Double.NaN;
        }
    }

    private RateExperiment() {
    }

    /** Runs the experiment for f at every ε (largest first). */
    public static Result run(SobolevFunction f, double[] eps, Consumer<String> progress) {
        return run(f, LocalTaylorNetwork.Layout.TERMS, eps, progress);
    }

    /** Runs the experiment for f at every ε (largest first) with the given layout of the products. */
    public static Result run(SobolevFunction f, LocalTaylorNetwork.Layout layout, double[] eps, Consumer<String> progress) {
        return run(f, layout, eps, Options.NONE, progress);
    }

    /** Runs the experiment, certifying and saving as {@code options} says. */
    public static Result run(SobolevFunction f, LocalTaylorNetwork.Layout layout, double[] eps, Options options,
                             Consumer<String> progress) {
        long t0 = System.nanoTime();
        int d = f.d;
        int n = f.n;
        LocalTaylorNetwork.checkArguments(d, n);
        Norms.Measure measured = Norms.measure(f, n, true);
        double norm = measured.norm();
        if (norm > 1 + 1e-12) {
            throw new ActlabException("'" + f.formula() + "' is outside the unit ball of W^{" + n + ",∞}([0,1]^" + d
                    + "): its norm max_{|α| ≤ " + n + "} sup|D^α f| is " + norm + " > 1 (scale it down)");
        }
        double top = measured.top();
        List<Point> points = new ArrayList<>();
        double[] ratios = new double[eps.length];
        boolean reluFits = true;
        for (int i = 0; i < eps.length; i++) {
            double e = eps[i];
            int cells = cellsFor(d, n, top, e);
            LocalTaylorNetwork.Built poly;
            try {
                LocalTaylorNetwork.checkSize(d, n, cells);
                progress.accept("d = " + d + ", n = " + n + ", ε = " + e + ": PolyReLU with N = " + cells);
                poly = LocalTaylorNetwork.build(Kind.POLYRELU, layout, f, top, cells, 0);
            } catch (org.actlab.network.Circuit.TooLarge tooLarge) {
                if (points.isEmpty()) {
                    throw new ActlabException("d = " + d + ", n = " + n + ", ε = " + e + ": the PolyReLU network is too large ("
                            + tooLarge.getMessage() + ")");
                }
                progress.accept("d = " + d + ", n = " + n + ", ε = " + e + ": PolyReLU not built (" + tooLarge.getMessage()
                        + "); smaller ε are skipped");
                break;   // a smaller ε only makes it larger
            }
            Point p = measure(f, poly, e, options);
            points.add(p);
            ratios[i] = Double.NaN;
            if (!reluFits) {
                continue;   // a smaller ε only makes it larger
            }
            try {
                int[] plan = reluPlan(layout, f, top, e);
                progress.accept("d = " + d + ", n = " + n + ", ε = " + e + ": ReLU with N = " + plan[0] + ", " + plan[1] + " levels");
                Point r = measure(f, LocalTaylorNetwork.build(Kind.RELU, layout, f, top, plan[0], plan[1]), e, options);
                points.add(r);
                ratios[i] = (double) r.parameters() / p.parameters();
            } catch (ActlabException tooLarge) {
                // the ReLU network does not fit the dense-layer limit (or the level limit) at this ε: reported as missing
                progress.accept("d = " + d + ", n = " + n + ", ε = " + e + ": ReLU not built (" + tooLarge.getMessage() + ")");
                reluFits = false;
            }
        }
        Map<Kind, Fit> fits = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            List<Point> own = points.stream().filter(p -> p.kind() == k).toList();
            fits.put(k, own.size() >= 2 ? fit(own) : new Fit(Double.NaN, Double.NaN, own.size(), 0));
        }
        return new Result(f, layout, d, n, norm, points, fits, ratios, (System.nanoTime() - t0) / 1e9);
    }

    /** The smallest N whose Taylor bound is ≤ ε. */
    static int cellsFor(int d, int n, double top, double eps) {
        int cells = Math.max(1, (int) Math.ceil(Math.pow(LocalTaylorNetwork.taylorBound(d, n, 1, top) / eps, 1.0 / n) - 1e-9));
        while (LocalTaylorNetwork.taylorBound(d, n, cells, top) > eps) {
            cells++;
        }
        return cells;
    }

    /**
     * {N, m} for the ReLU network: for each share θ of ε given to the Taylor error, the smallest N
     * for θε and the fewest levels for the rest; the plan with the smallest estimated size
     * N^d·(m + 3) wins.
     */
    static int[] reluPlan(LocalTaylorNetwork.Layout layout, SobolevFunction f, double top, double eps) {
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        Map<Integer, Double> coefficientBounds = new java.util.HashMap<>();
        for (double share : SHARES) {
            int cells = cellsFor(f.d, f.n, top, share * eps);
            double left = eps - LocalTaylorNetwork.taylorBound(f.d, f.n, cells, top);
            double c = coefficientBounds.computeIfAbsent(cells, nCells -> LocalTaylorNetwork.coefficientBound(f, nCells));
            for (int m = 1; m <= MAX_LEVELS; m++) {
                if (new LocalTaylorNetwork.ProductErrors(layout, f.d, f.n, cells, m, c).bound() <= left) {
                    double cost = Math.pow(cells, f.d) * (m + 3);
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = new int[] {cells, m};
                    }
                    break;
                }
            }
        }
        if (best == null) {
            throw new ActlabException("ε = " + eps + " is too small for the ReLU construction (more than " + MAX_LEVELS
                    + " sawtooth levels per product)");
        }
        return best;
    }

    /** Samples per axis: the sup error is measured on this non-dyadic grid. */
    static int samplesPerAxis(int d) {
        return d == 1 ? 8_001 : d == 2 ? 161 : 27;
    }

    private static Point measure(SobolevFunction f, Built b, double eps, Options options) {
        SparseNetwork net = new SparseNetwork(b.network());
        double worst = b.locality() != null ? sampledLocally(f, net, b.locality()) : sampled(f, net);
        double certified = Double.NaN;
        if (options.certify() && f.d == 1) {
            if (b.kind() == Kind.POLYRELU && f.pieces() != null && b.network().depth() == 2) {
                // one hidden layer of PolyReLU units: piecewise polynomial, compared piece by piece in rationals
                certified = ExactCertifier1D.certify(b.network(), f.pieces());
            } else if (b.kind() == Kind.RELU && f.polynomial() != null) {
                // exact supremum over [0, 1] of the stored ReLU network against the polynomial (approx.Certifier)
                certified = org.actlab.approx.Certifier.standard().withSamples(1001).certify(b.network(), org.actlab.polynomial.Target.polyRelu(f.polynomial()), 0, 1).certifiedError();
            }
        }
        Point point = new Point(eps, b.kind(), b.cells(), b.levels(), b.parameters(), b.dense(), b.network().depth(),
                b.network().width(), worst, b.bound(), certified);
        if (options.saver() != null) {
            options.saver().accept(point, b.network());
        }
        return point;
    }

    private static final double PHI = (Math.sqrt(5) - 1) / 2;

    /** Sample i of the non-dyadic grid ((i_k + φ)/m per axis: never on the dyadic grid of the construction's kinks). */
    private static void samplePoint(int i, int m, double[] x) {
        int r = i;
        for (int k = x.length - 1; k >= 0; k--) {
            x[k] = ((r % m) + PHI) / m;
            r /= m;
        }
    }

    /**
     * max |f − network| over the samples, each through the whole network. The samples are independent: all cores
     * share them in chunks, each with its own evaluator (the maximum does not depend on the order).
     */
    static double sampled(SobolevFunction f, SparseNetwork net) {
        int m = samplesPerAxis(f.d);
        int total = (int) Math.pow(m, f.d);
        int chunk = 256;
        return java.util.stream.IntStream.range(0, (total + chunk - 1) / chunk).parallel().mapToDouble(c -> {
            SparseNetwork.Evaluator ev = net.evaluator();
            double[] x = new double[f.d];
            double w = 0;
            for (int p = c * chunk; p < Math.min(total, (c + 1) * chunk); p++) {
                samplePoint(p, m, x);
                w = Math.max(w, Math.abs(f.value(x) - ev.evaluate(x)));
            }
            return w;
        }).max().orElse(0);
    }

    /**
     * max |f − network| over the same samples, each through the cone of the cells alive there only
     * ({@link LocalTaylorNetwork.Locality}, {@link SparseNetwork#cone}): the samples are grouped by region, and
     * each region's cone is made once. Equal to {@link #sampled} in exact arithmetic; in floating point it leaves
     * out the dead cells' rounding (their chains are exactly zero only in exact arithmetic), a few ulps of the
     * output (SobolevTest bounds the difference by the rounding of the whole evaluation).
     */
    static double sampledLocally(SobolevFunction f, SparseNetwork net, LocalTaylorNetwork.Locality locality) {
        int m = samplesPerAxis(f.d);
        int total = (int) Math.pow(m, f.d);
        Map<Long, List<Integer>> regions = new java.util.TreeMap<>();
        double[] x = new double[f.d];
        for (int p = 0; p < total; p++) {
            samplePoint(p, m, x);
            regions.computeIfAbsent(locality.region(x), k -> new ArrayList<>()).add(p);
        }
        return regions.entrySet().parallelStream().mapToDouble(e -> {
            SparseNetwork.Cone cone = net.cone(locality.columns(e.getKey()));
            double[] y = new double[f.d];
            double w = 0;
            for (int p : e.getValue()) {
                samplePoint(p, m, y);
                w = Math.max(w, Math.abs(f.value(y) - cone.evaluate(y)));
            }
            return w;
        }).max().orElse(0);
    }

    /** Least-squares slope of ln(error) against ln(parameters), with Hipparchus' 95 % interval. */
    static Fit fit(List<Point> points) {
        SimpleRegression reg = new SimpleRegression();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Point p : points) {
            if (p.sampledError() > 0) {
                reg.addData(Math.log(p.parameters()), Math.log(p.sampledError()));
                lo = Math.min(lo, p.sampledError());
                hi = Math.max(hi, p.sampledError());
            }
        }
        double half = reg.getN() >= 3 ? reg.getSlopeConfidenceInterval(0.05) : Double.NaN;
        return new Fit(reg.getSlope(), half, (int) reg.getN(), Math.log10(hi / lo));
    }
}
