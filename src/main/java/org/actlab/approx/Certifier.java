package org.actlab.approx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.actlab.ActlabException;
import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.hipparchus.analysis.polynomials.PolynomialFunction;
import org.hipparchus.fraction.BigFraction;

/**
 * Exact sup-error certification of a one-input ReLU network against a piecewise-polynomial target.
 *
 * <p><b>Breakpoints, proved complete.</b> A ReLU network of one input is continuous and piecewise
 * linear. Layer by layer: on an interval where every earlier layer is linear, a unit's
 * pre-activation is linear, so its ReLU has a kink inside iff the pre-activation, evaluated
 * <em>exactly</em> at the two ends, changes sign strictly. Every such kink is inserted (as the
 * double nearest the root; when the root is not a double, the kink is caught in an interval one
 * ulp wide, a <em>micro-interval</em>), until no unit of that layer changes sign between neighbours.
 * After the last layer the network is linear between consecutive points.
 *
 * <p><b>Exact values.</b> Every weight, bias and point is a double, hence a dyadic rational; the
 * network is evaluated over the rationals ({@link CheckedArithmetic} proves a double computation
 * exact, otherwise exact dyadic arithmetic takes over, in 128-bit fixed point ({@link WideAffine})
 * while the values fit). Grid points move one layer per pass; a kink inserted at layer l gets its
 * layer-l values by exact linear interpolation (every earlier layer is linear between its
 * neighbours) instead of an evaluation through l layers. Once the grid is large, chunks of it finish
 * the pass on all cores; the result does not depend on their number.
 *
 * <p><b>Maxima per piece.</b> On a piece, {@code e = T − ℓ} with ℓ the network's line. Its maximum
 * is at an end or where {@code T′ = slope}: for pieces of degree ≤ 2 that point is rational and e
 * is evaluated exactly there; for higher degree the root is located in double and a rigorous
 * Taylor remainder (from bounds on T″ and T‴) is added. A micro-interval adds (a bound on |T′| plus
 * the network's slope bound there, from slope intervals propagated layer by layer) × its width.
 */
public final class Certifier {
    /** Default number of samples for the sampled error. */
    public static final int DEFAULT_SAMPLES = 100_003;
    /** The largest number of linear pieces certified, to bound time and memory (about 0.5 GB at the limit). */
    public static final int MAX_POINTS = 1 << 22;
    private static final double U = Math.ulp(1.0) / 2;

    private Certifier() {
    }

    /**
     * Certifies {@code net} against {@code target} on {@code [a, b]} with {@link #defaultSamples}
     * samples.
     */
    public static Certificate certify(Network net, Target target, double a, double b) {
        return certify(net, target, a, b, defaultSamples(net));
    }

    /**
     * {@value #DEFAULT_SAMPLES} samples, fewer for very large networks so that float64 sampling
     * costs at most about 2·10⁸ multiply-adds (at least 1000 samples).
     */
    public static int defaultSamples(Network net) {
        long params = Math.max(1, net.parameterCount(Network.Count.ALL));
        return (int) Math.max(1000, Math.min(DEFAULT_SAMPLES, 200_000_000L / params));
    }

    /** Certifies {@code net} against {@code target} on {@code [a, b]}. */
    public static Certificate certify(Network net, Target target, double a, double b, int samples) {
        return certify(net, target, a, b, samples, true);
    }

    /** As {@link #certify(Network, Target, double, double, int)}; {@code parallel = false} keeps the pass on one thread. */
    static Certificate certify(Network net, Target target, double a, double b, int samples, boolean parallel) {
        a += 0.0; // −0.0 and 0.0 are one point
        b += 0.0;
        if (!(a < b) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new ActlabException("the interval must have finite ends with a < b, got [" + a + ", " + b + "]");
        }
        checkMagnitudes(net, a, b);
        ExactEvaluator ev = new ExactEvaluator(net);
        if (isShallow(net)) {
            return measure(net, ev, target, a, b, ShallowSweep.grid(net, target, a, b), samples,
                    shallowMaxima(net, a, b),
                    "breakpoints and values exact by a sweep over the sorted kinks of the hidden units");
        }
        double[] start = target.hasBreakpointAtZero() && a < 0 && 0 < b ? new double[] {a, 0.0, b} : new double[] {a, b};
        Grid grid = new Grid(start, new ExactEvaluator.Values[start.length], new Micro[start.length]);
        for (int k = 0; k < start.length; k++) {
            grid.values[k] = ev.preActivations(start[k], 0);
        }
        double[][] maxAbs = new double[net.depth()][];
        LayerPass pass = new LayerPass(net, start.length);
        grid = pass.run(ev, grid, 0, maxAbs, parallel);
        return measure(net, ev, target, a, b, grid, samples, maxAbs,
                "breakpoints proved complete by exact sign analysis layer by layer; network values exact "
                + "(double arithmetic proved exact, exact dyadic arithmetic for "
                + (ev.exactFallbacks + pass.fallbacks.get()) + " layer evaluations)");
    }

    /**
     * The most exact multiply-adds of the layer pass (points × weights, summed over layers): a few minutes
     * of work at most; networks that need more are refused with the numbers, not run for hours.
     */
    static final long MAX_WORK = 20_000_000_000L;

    /** The largest value any unit may reach on the interval (so that every double evaluation stays finite). */
    static final double MAX_MAGNITUDE = 1e150;

    /**
     * Refuses a network whose units can exceed {@link #MAX_MAGNITUDE} in size on [a, b], bounded before
     * any work by |W| row sums layer by layer ({@code m_i = Σ_j |w_ij| m_j + |b_i|}, m₀ = max(|a|, |b|)):
     * weights near 1e308 would make float64 sampling overflow and the exact values thousands of bits long.
     */
    private static void checkMagnitudes(Network net, double a, double b) {
        double[] m = {Math.max(Math.abs(a), Math.abs(b))};
        for (int l = 0; l < net.depth(); l++) {
            Layer layer = net.layers().get(l);
            double[] next = new double[layer.outputs()];
            for (int i = 0; i < next.length; i++) {
                double s = Math.abs(layer.bias()[i]);
                double[] row = layer.weights()[i];
                for (int j = 0; j < row.length; j++) {
                    s += Math.abs(row[j]) * m[j];
                }
                if (!(s <= MAX_MAGNITUDE)) {
                    throw new ActlabException("layer " + (l + 1) + ", unit " + (i + 1) + " of the network can reach "
                            + (Double.isFinite(s) ? org.actlab.io.Numbers.format(s) : "beyond 1.8e308") + " in size on ["
                            + a + ", " + b + "] (bounded by |W| row sums); certification takes networks whose units stay below "
                            + MAX_MAGNITUDE);
                }
                next[i] = s;
            }
            m = next;
        }
    }

    /** Once the grid has this many points, the remaining layers run on {@link #CHUNKS} chunks of it in parallel. */
    private static final int SPLIT_POINTS = 1 << 14;
    /** Chunks of the grid (more than cores, so that uneven chunks still keep every core busy). */
    private static final int CHUNKS = 64;

    /**
     * The layer-by-layer pass: at every layer the grid's values move one layer on, a ReLU layer's
     * kinks are inserted, each unit's largest |value| is recorded and the one-ulp pieces' slope
     * intervals are carried on. Between consecutive grid points the rest of the pass is independent
     * of the other points, so once the grid is large, chunks of it (split at grid points, which are
     * breakpoints already) finish the pass in parallel; the merged grid is the same point for point
     * as a sequential pass gives, whatever the number of cores.
     */
    private static final class LayerPass {
        private final Network net;
        /** Grid points made so far, over all chunks (for the {@link #MAX_POINTS} limit). */
        private final AtomicLong points;
        /** Exact layer evaluations of the chunks' own evaluators. */
        final AtomicLong fallbacks = new AtomicLong();
        /** Multiply-adds of layer evaluations so far (points × weights), over all chunks, for {@link #MAX_WORK}. */
        private final AtomicLong work = new AtomicLong();

        LayerPass(Network net, int startPoints) {
            this.net = net;
            this.points = new AtomicLong(startPoints);
        }

        Grid run(ExactEvaluator ev, Grid grid, int from, double[][] maxAbs, boolean maySplit) {
            for (int l = from; l < net.depth(); l++) {
                Layer layer = net.layers().get(l);
                long spent = work.addAndGet((long) grid.xs.length * layer.outputs() * (layer.inputs() + 1));
                if (spent > MAX_WORK) {
                    throw new ActlabException("certification stopped at layer " + (l + 1) + " of " + net.depth() + ": it would "
                            + "take more than " + MAX_WORK + " exact multiply-adds (" + grid.xs.length + " linear pieces so far "
                            + "times the layer's " + (long) layer.outputs() * (layer.inputs() + 1) + " weights and biases); "
                            + "certify a smaller network or a shorter interval");
                }
                if (l > 0) {
                    for (int k = 0; k < grid.xs.length; k++) {
                        grid.values[k] = ev.step(grid.xs[k], grid.values[k], l);
                    }
                }
                boolean relu = net.layers().get(l).activation() instanceof LayerActivation.Relu;
                if (relu) {
                    grid = refine(ev, l, grid, points);
                }
                // each unit is linear between grid points, so its largest |value| on [a, b] is at one of them
                maxAbs[l] = new double[net.layers().get(l).outputs()];
                for (ExactEvaluator.Values v : grid.values) {
                    for (int i = 0; i < maxAbs[l].length; i++) {
                        maxAbs[l][i] = Math.max(maxAbs[l][i], Math.abs(v.approx(i)) * (1 + 1e-9));
                    }
                }
                // carry every one-ulp piece's slope intervals through this layer's activation and into
                // the next layer, with the exact values at its two ends that the grid holds now
                double[][] next = l + 1 < net.depth() ? net.layers().get(l + 1).weights() : null;
                for (int k = 0; k < grid.xs.length; k++) {
                    Micro m = grid.micros[k];
                    if (m != null && m.open()) {
                        m.advance(relu, grid.values[k], grid.values[k + 1], next);
                    }
                }
                if (maySplit && l + 1 < net.depth() && grid.xs.length >= SPLIT_POINTS
                        && Runtime.getRuntime().availableProcessors() > 1) {
                    return runChunks(grid, l + 1, maxAbs);
                }
            }
            return grid;
        }

        /** Layers {@code from}… on chunks of the grid in parallel, merged in order. */
        private Grid runChunks(Grid grid, int from, double[][] maxAbs) {
            int n = grid.xs.length;
            List<Grid> parts = IntStream.range(0, CHUNKS).parallel().mapToObj(c -> {
                int i0 = (int) ((long) c * (n - 1) / CHUNKS);
                int i1 = (int) ((long) (c + 1) * (n - 1) / CHUNKS);
                Micro[] micros = Arrays.copyOfRange(grid.micros, i0, i1 + 1);
                micros[micros.length - 1] = null;   // the piece right of the chunk's last point is the next chunk's
                Grid chunk = new Grid(Arrays.copyOfRange(grid.xs, i0, i1 + 1), Arrays.copyOfRange(grid.values, i0, i1 + 1), micros);
                ExactEvaluator ev = new ExactEvaluator(net);
                double[][] own = new double[net.depth()][];
                Grid done = run(ev, chunk, from, own, false);
                fallbacks.addAndGet(ev.exactFallbacks);
                synchronized (maxAbs) {
                    for (int l = from; l < net.depth(); l++) {
                        if (maxAbs[l] == null) {
                            maxAbs[l] = own[l];
                        } else {
                            for (int i = 0; i < own[l].length; i++) {
                                maxAbs[l][i] = Math.max(maxAbs[l][i], own[l][i]);
                            }
                        }
                    }
                }
                return done;
            }).toList();
            int total = 1;
            for (Grid g : parts) {
                total += g.xs.length - 1;
            }
            double[] xs = new double[total];
            ExactEvaluator.Values[] values = new ExactEvaluator.Values[total];
            Micro[] micros = new Micro[total];
            int at = 0;
            for (Grid g : parts) {
                int skip = at == 0 ? 0 : 1;   // a chunk's first point is the previous chunk's last
                if (skip == 1) {
                    micros[at - 1] = g.micros[0];
                }
                int len = g.xs.length - skip;
                System.arraycopy(g.xs, skip, xs, at, len);
                System.arraycopy(g.values, skip, values, at, len);
                System.arraycopy(g.micros, skip, micros, at, len);
                at += len;
            }
            return new Grid(xs, values, micros);
        }
    }

    /**
     * Points in increasing order with the exact pre-activations of the current layer at each;
     * {@code micros[k]} is the one-ulp piece {@code [xs[k], xs[k+1]]} when that piece brackets a kink
     * at a point that is not a double, else null.
     */
    record Grid(double[] xs, ExactEvaluator.Values[] values, Micro[] micros) {
    }

    /** One hidden ReLU layer and an identity output: certified by the O(N log N) sweep. */
    private static boolean isShallow(Network net) {
        return net.depth() == 2 && net.layers().get(0).activation() instanceof LayerActivation.Relu
                && net.layers().get(1).activation() instanceof LayerActivation.Identity;
    }

    /**
     * Inserts every kink of layer {@code l}'s units: between neighbours whose exact pre-activations
     * change sign strictly, the linear pre-activation has a root; it is inserted (as the nearest
     * double) and the two halves are checked again, until no unit changes sign between neighbours
     * or the two neighbours are adjacent doubles (a micro-interval).
     */
    private static Grid refine(ExactEvaluator ev, int l, Grid grid, AtomicLong points) {
        Refined out = new Refined(grid.xs.length * 2);
        out.add(grid.xs[0], grid.values[0]);
        for (int k = 1; k < grid.xs.length; k++) {
            Micro m = grid.micros[k - 1];
            if (m != null) {
                out.micros[out.size - 1] = m;   // a one-ulp piece has no double inside: nothing to insert
            } else {
                int before = out.size;
                refineInterval(ev, l, grid.xs[k - 1], grid.values[k - 1], grid.xs[k], grid.values[k], out, null);
                if (out.size > before && points.addAndGet(out.size - before) > MAX_POINTS) {
                    throw new ActlabException("the network has more than " + MAX_POINTS
                            + " linear pieces on the interval; certification stops there");
                }
            }
            out.add(grid.xs[k], grid.values[k]);
            if (out.size > MAX_POINTS) {
                throw new ActlabException("the network has more than " + MAX_POINTS
                        + " linear pieces on the interval; certification stops there");
            }
        }
        return new Grid(Arrays.copyOf(out.xs, out.size), Arrays.copyOf(out.values, out.size), Arrays.copyOf(out.micros, out.size));
    }

    /** A growing grid (arrays doubled as needed). */
    private static final class Refined {
        double[] xs;
        ExactEvaluator.Values[] values;
        Micro[] micros;
        int size;

        Refined(int capacity) {
            xs = new double[capacity];
            values = new ExactEvaluator.Values[capacity];
            micros = new Micro[capacity];
        }

        void add(double x, ExactEvaluator.Values v) {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, 2 * size);
                values = Arrays.copyOf(values, 2 * size);
                micros = Arrays.copyOf(micros, 2 * size);
            }
            xs[size] = x;
            values[size] = v;
            size++;
        }
    }

    /**
     * Appends, in order, the kinks strictly inside (x0, x1) with their exact values. Every earlier
     * layer is linear on [x0, x1] (its kinks are grid points already), so layer l's pre-activations
     * are linear there too: a point r inside gets its values as {@code z(x0) + s·(r − x0)} with the
     * slopes {@code s = (z(x1) − z(x0))/(x1 − x0)}, which are exact dyadics (products of weights), found
     * once for the interval ({@code line}, null until the first kink needs it), instead of an
     * evaluation through all l layers.
     */
    private static void refineInterval(ExactEvaluator ev, int l, double x0, ExactEvaluator.Values v0, double x1,
                                       ExactEvaluator.Values v1, Refined out, Line line) {
        for (int i = 0; i < v0.size(); i++) {
            if (v0.signum(i) * v1.signum(i) < 0) {
                if (Math.nextUp(x0) == x1) {
                    out.micros[out.size - 1] = Micro.fromEnds(x0, x1, v0, v1);
                    return;
                }
                double z0 = v0.approx(i);
                double z1 = v1.approx(i);
                double r = x0 + (x1 - x0) * (z0 / (z0 - z1));
                if (!(r > x0)) {
                    r = Math.nextUp(x0);
                } else if (!(r < x1)) {
                    r = Math.nextDown(x1);
                }
                if (line == null) {
                    line = Line.through(x0, v0, x1, v1);
                }
                ExactEvaluator.Values vr = line.at(r);
                if (vr == null) {
                    vr = ev.preActivations(r, l);
                }
                refineInterval(ev, l, x0, v0, r, vr, out, line);
                out.add(r, vr);
                refineInterval(ev, l, r, vr, x1, v1, out, line);
                return;
            }
        }
    }

    /**
     * The pre-activations of one layer on an interval where they are linear: {@code z(x) = z(x0) + s·(x − x0)},
     * exactly; in double arithmetic proved exact while the values are doubles, else in dyadics.
     */
    private static final class Line {
        private final double x0;
        private final ExactEvaluator.Values v0;
        private final ExactEvaluator.Values v1;
        private final double x1;
        /** Slopes in double (exact), or null. */
        private double[] doubleSlope;
        /** Slopes as dyadics, made when first needed; {@code dyadicFailed} if one is not a dyadic (never expected). */
        private Dyadic[] slope;
        private boolean dyadicFailed;

        private Line(double x0, ExactEvaluator.Values v0, double x1, ExactEvaluator.Values v1) {
            this.x0 = x0;
            this.v0 = v0;
            this.x1 = x1;
            this.v1 = v1;
        }

        static Line through(double x0, ExactEvaluator.Values v0, double x1, ExactEvaluator.Values v1) {
            Line line = new Line(x0, v0, x1, v1);
            if (v0.isDouble() && v1.isDouble()) {
                CheckedArithmetic c = new CheckedArithmetic();
                double width = c.sub(x1, x0);
                double[] s = new double[v0.size()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = c.div(c.sub(v1.doubles()[i], v0.doubles()[i]), width);
                }
                line.doubleSlope = c.exact ? s : null;
            }
            return line;
        }

        /** The exact values at x, or null when they are better evaluated through the layers. */
        ExactEvaluator.Values at(double x) {
            if (doubleSlope != null) {
                CheckedArithmetic c = new CheckedArithmetic();
                double dx = c.sub(x, x0);
                double[] z = new double[doubleSlope.length];
                for (int i = 0; i < z.length; i++) {
                    z[i] = c.add(v0.doubles()[i], c.mul(doubleSlope[i], dx));
                }
                if (c.exact) {
                    return ExactEvaluator.Values.of(z);
                }
            }
            if (v0.isDouble() && v1.isDouble()) {
                return null;   // the layers may well stay exact in double
            }
            if (slope == null && !dyadicFailed) {
                Dyadic width = Dyadic.of(x1).subtract(Dyadic.of(x0));
                slope = new Dyadic[v0.size()];
                for (int i = 0; i < slope.length && !dyadicFailed; i++) {
                    slope[i] = Dyadic.exactQuotient(v1.dyadic(i).subtract(v0.dyadic(i)), width);
                    dyadicFailed = slope[i] == null;
                }
            }
            if (dyadicFailed) {
                return null;
            }
            Dyadic dx = Dyadic.of(x).subtract(Dyadic.of(x0));
            Dyadic[] z = new Dyadic[slope.length];
            for (int i = 0; i < z.length; i++) {
                z[i] = v0.dyadic(i).add(slope[i].multiply(dx));
            }
            return ExactEvaluator.Values.of(z);
        }
    }

    /** Largest |z_i| of the hidden units w_i x + b_i on [a, b] (at an end), and of the output (at a kink or end). */
    private static double[][] shallowMaxima(Network net, double a, double b) {
        Layer hidden = net.layers().get(0);
        double[] h = new double[hidden.outputs()];
        double outMax = 0;
        for (int i = 0; i < h.length; i++) {
            double w = hidden.weights()[i][0];
            h[i] = Math.max(Math.abs(w * a + hidden.bias()[i]), Math.abs(w * b + hidden.bias()[i])) * (1 + 1e-9);
            outMax += Math.abs(net.layers().get(1).weights()[0][i]) * h[i];
        }
        return new double[][] {h, {(outMax + Math.abs(net.layers().get(1).bias()[0])) * (1 + 1e-9)}};
    }

    /**
     * A bound on |fl(net(x)) − net(x)| over [a, b] for any IEEE-double evaluation: layer by layer,
     * E_i ≤ γ_{n+1}·(|b_i| + Σ_j |w_ij|·(H_j + E_j)) + Σ_j |w_ij|·E_j with H_j the largest |input j| on the
     * interval (ReLU is 1-Lipschitz, so the inputs' errors pass through it unchanged).
     */
    private static double networkRounding(Network net, double[][] maxAbs, double a, double b) {
        double[] hMax = {Math.max(Math.abs(a), Math.abs(b))};
        double[] hErr = {0};
        for (int l = 0; l < net.depth(); l++) {
            Layer ly = net.layers().get(l);
            double[] err = new double[ly.outputs()];
            for (int i = 0; i < err.length; i++) {
                double[] row = ly.weights()[i];
                double sum = Math.abs(ly.bias()[i]);
                double propagated = 0;
                int n = 1;
                for (int j = 0; j < row.length; j++) {
                    if (row[j] != 0) {
                        n++;
                        sum += Math.abs(row[j]) * (hMax[j] + hErr[j]);
                        propagated += Math.abs(row[j]) * hErr[j];
                    }
                }
                double gamma = (n + 1) * U / (1 - (n + 1) * U);
                err[i] = (gamma * sum + propagated) * (1 + 4 * (n + 2) * U) + n * Double.MIN_VALUE;
            }
            hMax = maxAbs[l];
            hErr = err;
        }
        return hErr[0];
    }

    /** A bound on |fl(T(x)) − T(x)| over [a, b] for a polynomial evaluation: γ_{3d+2}·Σ|c_i|·M^i, M = max(|a|, |b|). */
    private static double targetRounding(Target target, double a, double b) {
        double m = Math.max(Math.abs(a), Math.abs(b));
        double worst = 0;
        for (double x : new double[] {a, b, 0.0}) {
            double[] c = target.pieceAt(x);
            double sum = 0;
            for (int i = c.length - 1; i >= 0; i--) {
                sum = sum * m + Math.abs(c[i]);
            }
            int k = 3 * (c.length - 1) + 2;
            worst = Math.max(worst, k * U / (1 - k * U) * sum * (1 + 4 * k * U));
        }
        return worst;
    }

    private static Certificate measure(Network net, ExactEvaluator ev, Target target, double a, double b,
                                       Grid grid, int samples, double[][] maxAbs,
                                       String breakpoints) {
        double[] xs = grid.xs;
        boolean reluOut = net.layers().get(net.depth() - 1).activation() instanceof LayerActivation.Relu;
        Dyadic[] yExact = new Dyadic[xs.length];
        double[] y = new double[xs.length];
        boolean[] yIsDouble = new boolean[xs.length];
        for (int k = 0; k < xs.length; k++) {
            ExactEvaluator.Values v = grid.values[k];
            boolean negative = reluOut && v.signum(0) < 0;
            if (v.isDouble()) {
                y[k] = negative ? 0.0 : v.doubles()[0];
                yIsDouble[k] = true;
            } else {
                yExact[k] = negative ? Dyadic.ZERO : v.dyadic(0);
                y[k] = yExact[k].approx();
            }
        }
        double best = -1;
        double argmax = a;
        boolean bestExact = true;
        long microCount = 0;
        Bound previousEnd = null;
        for (int k = 0; k + 1 < xs.length; k++) {
            double x0 = xs[k];
            double x1 = xs[k + 1];
            double[] piece = target.pieceAt(0.5 * (x0 + x1));
            // the end shared with the previous piece is reused when both pieces use the same polynomial
            Bound e0 = previousEnd != null && target.pieceAt(x0) == piece ? previousEnd
                    : endpointError(piece, x0, y[k], yIsDouble[k] ? null : yExact[k]);
            Bound e1 = endpointError(piece, x1, y[k + 1], yIsDouble[k + 1] ? null : yExact[k + 1]);
            previousEnd = e1;
            Bound pieceMax = e0.value >= e1.value ? e0 : e1;
            if (grid.micros[k] != null) {
                microCount++;
                double lip = lipschitz(piece, x0, x1) + grid.micros[k].slopeBound();
                pieceMax = new Bound(pieceMax.value + lip * (x1 - x0) * (1 + 1e-9), x0, false);
            } else {
                Bound interior = interiorMax(piece, x0, x1, y[k], y[k + 1], yIsDouble[k] && yIsDouble[k + 1]
                        ? null : new Dyadic[] {exactOf(yExact[k], y[k]), exactOf(yExact[k + 1], y[k + 1])}, e0.value, e1.value);
                if (interior != null && interior.value > pieceMax.value) {
                    pieceMax = interior;
                }
            }
            // every bound is an upper bound of its piece's maximum, so the sup is exact when the
            // largest bound is an exact value
            if (pieceMax.value > best || (pieceMax.value == best && !pieceMax.exact)) {
                best = pieceMax.value;
                argmax = pieceMax.at;
                bestExact = pieceMax.exact;
            }
        }
        double[] sampled = sampledErrors(net, ev, target, a, b, samples, xs, y, yExact, grid.micros);
        String method = breakpoints + "; "
                + (target.degree() <= 2 ? "maxima per piece exact (degree ≤ 2)"
                        : "maxima per piece at double-located critical points, exact there, plus a rigorous Taylor remainder")
                + (microCount > 0 ? "; " + microCount + " one-ulp pieces around kinks that are not doubles, bounded by local slope intervals" : "");
        double float64Bound = (best + networkRounding(net, maxAbs, a, b) + targetRounding(target, a, b)) * (1 + 4 * U);
        return new Certificate(target, a, b, best, argmax, sampled[0], sampled[1], samples, xs.length - 1, microCount,
                ev.exactFallbacks, bestExact, method, float64Bound);
    }

    private static Dyadic exactOf(Dyadic exact, double approx) {
        return exact != null ? exact : Dyadic.of(approx);
    }

    /** A bound on |e| at or near a point; {@code exact} when it is the exact value. */
    private record Bound(double value, double at, boolean exact) {
    }

    /** |T(x) − y| at a breakpoint, exactly (rounded up to a double). */
    private static Bound endpointError(double[] piece, double x, double y, Dyadic yExact) {
        if (yExact == null) {
            CheckedArithmetic c = new CheckedArithmetic();
            double t = 0;
            for (int i = piece.length - 1; i >= 0; i--) {
                t = c.add(c.mul(t, x), piece[i]);
            }
            double e = c.sub(t, y);
            if (c.exact) {
                return new Bound(Math.abs(e), x, true);
            }
        }
        // exact dyadic arithmetic: x, the coefficients and the network value are all dyadic (no gcd reductions)
        Dyadic t = Dyadic.horner(piece, Dyadic.of(x));
        return new Bound(t.subtract(yExact != null ? yExact : Dyadic.of(y)).abs().upper(), x, true);
    }

    private static BigFraction hornerExact(double[] c, BigFraction x) {
        BigFraction acc = BigFraction.ZERO;
        for (int i = c.length - 1; i >= 0; i--) {
            acc = acc.multiply(x).add(Rationals.of(c[i]));
        }
        return acc;
    }

    /** The double nearest above a non-negative rational. */
    private static double upperDouble(BigFraction f) {
        double d = f.doubleValue();
        return Rationals.of(d).compareTo(f) >= 0 ? d : Math.nextUp(d);
    }

    /**
     * The largest |e| at interior critical points of {@code e = P − ℓ} on (x0, x1), or null when
     * there are none.
     */
    private static Bound interiorMax(double[] piece, double x0, double x1, double y0, double y1, Dyadic[] yExact,
                                     double e0, double e1) {
        int deg = piece.length - 1;
        while (deg > 0 && piece[deg] == 0) {
            deg--;
        }
        if (deg <= 1) {
            return null; // e is linear on the piece: its maximum is at an end
        }
        if (deg == 2) {
            return quadraticCritical(piece, x0, x1, y0, y1, yExact);
        }
        return higherCritical(Arrays.copyOf(piece, deg + 1), x0, x1, y0, y1, yExact, e0, e1);
    }

    /** For P = p0 + p1 x + p2 x²: the critical point c = (s − p1)/(2 p2) is rational; e(c) exactly. */
    private static Bound quadraticCritical(double[] p, double x0, double x1, double y0, double y1, Dyadic[] yExact) {
        if (yExact == null) {
            CheckedArithmetic c = new CheckedArithmetic();
            double s = c.div(c.sub(y1, y0), c.sub(x1, x0));
            double cx = c.div(c.sub(s, p[1]), c.mul(2, p[2]));
            if (c.exact) {
                if (!(cx > x0 && cx < x1)) {
                    return null;
                }
                double pc = c.add(c.mul(c.add(c.mul(p[2], cx), p[1]), cx), p[0]);
                double line = c.add(y0, c.mul(s, c.sub(cx, x0)));
                double e = c.sub(pc, line);
                if (c.exact) {
                    return new Bound(Math.abs(e), cx, true);
                }
            }
        }
        BigFraction fy0 = yExact != null ? yExact[0].toFraction() : Rationals.of(y0);
        BigFraction fy1 = yExact != null ? yExact[1].toFraction() : Rationals.of(y1);
        BigFraction fx0 = Rationals.of(x0);
        BigFraction s = fy1.subtract(fy0).divide(Rationals.of(x1).subtract(fx0));
        BigFraction cx = s.subtract(Rationals.of(p[1])).divide(Rationals.of(p[2]).multiply(2));
        if (cx.compareTo(fx0) <= 0 || cx.compareTo(Rationals.of(x1)) >= 0) {
            return null;
        }
        BigFraction e = hornerExact(p, cx).subtract(fy0.add(s.multiply(cx.subtract(fx0))));
        return new Bound(upperDouble(e.abs()), cx.doubleValue(), true);
    }

    /**
     * Degree ≥ 3. For a cubic P, e′ = P′ − s is quadratic: its roots c are located in closed form, e is
     * evaluated exactly at the double c, and the true critical point c* is enclosed in [c − ρ, c + ρ]
     * where e′ has opposite signs at the ends (checked through bounds on P″ and P‴), so
     * |e(c*)| ≤ |e(c)| + ½·max|P″|·ρ². Where that enclosure fails (a double or near-double root of e′,
     * where e″ vanishes) and for every higher degree, {@link PieceMaximum} bounds the piece by rigorous
     * subdivision instead, split first at the roots of e′ that {@link PolynomialRoots} locates.
     */
    private static Bound higherCritical(double[] p, double x0, double x1, double y0, double y1, Dyadic[] yExact,
                                        double e0, double e1) {
        // e(c) = P(c) − y0 − (y1 − y0)(c − x0)/D with D = x1 − x0: its numerator e·D is dyadic, so it is
        // computed exactly without fractions and |e| is rounded up by an exact check of the quotient
        Dyadic fy0 = yExact != null ? yExact[0] : Dyadic.of(y0);
        Dyadic fy1 = yExact != null ? yExact[1] : Dyadic.of(y1);
        Dyadic fx0 = Dyadic.of(x0);
        Dyadic width = Dyadic.of(x1).subtract(fx0);
        Dyadic rise = fy1.subtract(fy0);
        double s = rise.approx() / width.approx();
        PolynomialFunction poly = new PolynomialFunction(p);
        PolynomialFunction d1 = poly.polynomialDerivative();
        double[] q = d1.getCoefficients().clone();
        q[0] -= s;
        if (p.length - 1 > 3 || nearDoubleRoot(q)) {
            return subdivided(p, x0, x1, fy0, fy1, e0, e1, PolynomialRoots.inside(q, x0, x1));
        }
        PolynomialFunction d2 = d1.polynomialDerivative();
        PolynomialFunction d3 = d2.polynomialDerivative();
        double scale = Math.max(Math.abs(x0), Math.abs(x1));
        double m2 = absBound(d2.getCoefficients(), scale);
        double m3 = absBound(d3.getCoefficients(), scale);
        Bound best = null;
        double[] roots = PolynomialRoots.inside(q, x0, x1);
        for (double c : roots) {
            Dyadic fc = Dyadic.of(c);
            Dyadic numerator = Dyadic.horner(p, fc).subtract(fy0).multiply(width).subtract(rise.multiply(fc.subtract(fx0)));
            double eAbs = Dyadic.upperQuotient(numerator, width);
            double ePrime = Math.abs(d1.value(c) - s) + 8 * U * (absBound(d1.getCoefficients(), scale) + Math.abs(s));
            double curvature = Math.abs(d2.value(c));
            double rho = 2 * ePrime / Math.max(curvature, Double.MIN_NORMAL);
            if (!(curvature - m3 * rho - 8 * U * m2 > 0 && rho < (x1 - x0))) {
                return subdivided(p, x0, x1, fy0, fy1, e0, e1, roots);   // no enclosure: subdivide instead
            }
            // e″ keeps its sign on [c − ρ, c + ρ] and |e′(c)| ≤ ½|e″|ρ: the root c* lies inside
            double value = (eAbs + 0.5 * (curvature + m3 * rho) * rho * rho) * (1 + 4 * U);
            if (best == null || value > best.value) {
                best = new Bound(value, c, false);
            }
        }
        return best;
    }

    /** Whether the quadratic e′ has (nearly) a double root: its discriminant is lost in rounding. */
    private static boolean nearDoubleRoot(double[] q) {
        if (q.length < 3 || q[2] == 0) {
            return false;
        }
        double disc = q[1] * q[1] - 4 * q[2] * q[0];
        return Math.abs(disc) <= 64 * U * (q[1] * q[1] + 4 * Math.abs(q[2] * q[0]));
    }

    private static Bound subdivided(double[] p, double x0, double x1, Dyadic fy0, Dyadic fy1, double e0, double e1,
                                    double[] splits) {
        PieceMaximum.Result r = PieceMaximum.of(p, x0, x1, fy0, fy1, e0, e1, splits);
        return new Bound(r.value(), r.at(), r.exact());
    }

    /** max |Σ c_i x^i| over |x| ≤ scale, bounded by Σ |c_i| scale^i. */
    private static double absBound(double[] c, double scale) {
        double acc = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            acc = acc * scale + Math.abs(c[i]);
        }
        return acc * (1 + 8 * U);
    }

    /** Real roots of Σ q_i x^i strictly inside (x0, x1), in double (see {@link PolynomialRoots}). */
    static double[] realRoots(double[] q, double x0, double x1) {
        return PolynomialRoots.inside(q, x0, x1);
    }

    private static double lipschitz(double[] piece, double x0, double x1) {
        double[] d = new PolynomialFunction(piece).polynomialDerivative().getCoefficients();
        return absBound(d, Math.max(Math.abs(x0), Math.abs(x1)));
    }

    /** How many of the worst float64 samples are re-evaluated exactly. */
    static final int EXACT_SAMPLES = 64;

    /** The i-th of n sample points: {@code a + (b − a)(i + φ)/n} with φ = (√5 − 1)/2. */
    static double samplePoint(double a, double b, int i, int n) {
        return a + (b - a) * (i + (Math.sqrt(5) - 1) / 2) / n;
    }

    /**
     * {@code max |T − net|} over n points {@link #samplePoint}, a grid offset by an irrational
     * fraction so it never lines up with the dyadic breakpoints of sawtooth networks. Returns
     * {@code {exact, float64}}: the float64 maximum over all samples, and the exact error (rational
     * arithmetic) at the {@value #EXACT_SAMPLES} samples with the largest float64 error, which is
     * what the certificate is compared with: an exact sample can never exceed the exact supremum.
     * Exact network values at samples come from the certified breakpoints (linear between them).
     */
    private static double[] sampledErrors(Network net, ExactEvaluator ev, Target target, double a, double b, int n,
                                          double[] xs, double[] y, Dyadic[] yExact, Micro[] micros) {
        double[] errors = new double[n];
        double worstFloat = 0;
        for (int i = 0; i < n; i++) {
            double x = samplePoint(a, b, i, n);
            errors[i] = Math.abs(target.value(x) - net.evaluate(x));
            worstFloat = Math.max(worstFloat, errors[i]);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(errors[q], errors[p]));
        boolean reluOut = net.layers().get(net.depth() - 1).activation() instanceof LayerActivation.Relu;
        BigFraction worstExact = BigFraction.ZERO;
        for (int k = 0; k < Math.min(EXACT_SAMPLES, n); k++) {
            double x = samplePoint(a, b, order[k], n);
            BigFraction fx = Rationals.of(x);
            BigFraction yx;
            int right = Arrays.binarySearch(xs, x);
            if (right >= 0) {
                yx = exactOf(yExact[right], y[right]).toFraction();
            } else {
                int hi = -right - 1;
                int lo = hi - 1;
                if (micros[lo] != null) {
                    ExactEvaluator.Values v = ev.preActivations(x, net.depth() - 1);
                    yx = reluOut && v.signum(0) < 0 ? BigFraction.ZERO : v.fraction(0);
                } else {
                    // the network is linear between consecutive certified breakpoints
                    BigFraction y0 = exactOf(yExact[lo], y[lo]).toFraction();
                    BigFraction y1 = exactOf(yExact[hi], y[hi]).toFraction();
                    BigFraction x0 = Rationals.of(xs[lo]);
                    yx = y0.add(y1.subtract(y0).multiply(fx.subtract(x0)).divide(Rationals.of(xs[hi]).subtract(x0)));
                }
            }
            BigFraction e = hornerExact(target.pieceAt(x), fx).subtract(yx).abs();
            if (e.compareTo(worstExact) > 0) {
                worstExact = e;
            }
        }
        return new double[] {worstExact.doubleValue(), worstFloat};
    }
}
