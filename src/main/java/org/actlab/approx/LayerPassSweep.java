package org.actlab.approx;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.actlab.ActlabException;
import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.actlab.polynomial.Interval;
import org.actlab.polynomial.Target;

/**
 * Breakpoints proved complete, layer by layer, for a ReLU network of any depth. On an interval where
 * every earlier layer is linear, a unit's pre-activation is linear, so its ReLU has a kink inside iff
 * the pre-activation, evaluated <em>exactly</em> at the two ends, changes sign strictly. Every such
 * kink is inserted (as the double nearest the root; when the root is not a double, the kink is caught
 * in an interval one ulp wide, a {@link Micro}), until no unit of that layer changes sign between
 * neighbours. After the last layer the network is linear between consecutive points.
 *
 * <p>Grid points move one layer per pass; a kink inserted at layer l gets its layer-l values by exact
 * linear interpolation (every earlier layer is linear between its neighbours) instead of an
 * evaluation through l layers. Once the grid is large, chunks of it finish the pass on all cores; the
 * result does not depend on their number.
 */
final class LayerPassSweep implements BreakpointSweep {
    private final boolean parallel;

    LayerPassSweep(boolean parallel) {
        this.parallel = parallel;
    }

    @Override
    public Breakpoints sweep(Network net, ExactEvaluator ev, Target target, Interval on) {
        double a = on.a();
        double b = on.b();
        double[] start = target.hasBreakpointAtZero() && a < 0 && 0 < b ? new double[] {a, 0.0, b} : new double[] {a, b};
        Grid grid = new Grid(start, new ExactEvaluator.Values[start.length], new Micro[start.length]);
        for (int k = 0; k < start.length; k++) {
            grid.values()[k] = ev.preActivations(start[k], 0);
        }
        double[][] maxAbs = new double[net.depth()][];
        LayerPass pass = new LayerPass(net, start.length);
        grid = pass.run(ev, grid, 0, maxAbs, parallel);
        return new Breakpoints(grid, maxAbs,
                "breakpoints proved complete by exact sign analysis layer by layer; network values exact "
                + "(double arithmetic proved exact, exact dyadic arithmetic for "
                + (ev.exactFallbacks + pass.fallbacks.get()) + " layer evaluations)");
    }

    /**
     * The most exact multiply-adds of the layer pass (points × weights, summed over layers): a few minutes
     * of work at most; networks that need more are refused with the numbers, not run for hours.
     */
    static final long MAX_WORK = 20_000_000_000L;

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
                long spent = work.addAndGet((long) grid.xs().length * layer.outputs() * (layer.inputs() + 1));
                if (spent > MAX_WORK) {
                    throw new ActlabException("certification stopped at layer " + (l + 1) + " of " + net.depth() + ": it would "
                            + "take more than " + MAX_WORK + " exact multiply-adds (" + grid.xs().length + " linear pieces so far "
                            + "times the layer's " + (long) layer.outputs() * (layer.inputs() + 1) + " weights and biases); "
                            + "certify a smaller network or a shorter interval");
                }
                if (l > 0) {
                    step(ev, grid, l);
                }
                boolean relu = net.layers().get(l).activation() instanceof LayerActivation.Relu;
                if (relu) {
                    grid = refine(ev, l, grid, points);
                }
                maxAbs[l] = maxAbs(grid, net.layers().get(l).outputs());
                advanceMicros(grid, relu, l + 1 < net.depth() ? net.layers().get(l + 1).weights() : null);
                if (maySplit && l + 1 < net.depth() && grid.xs().length >= SPLIT_POINTS
                        && Runtime.getRuntime().availableProcessors() > 1) {
                    return runChunks(grid, l + 1, maxAbs);
                }
            }
            return grid;
        }

        // The loops over the grid are methods of their own, so that the JIT compiles each once instead of
        // compiling run() again for every loop it replaces on the stack.

        /** Moves every grid point's values from layer {@code l − 1}'s pre-activations to layer l's. */
        private static void step(ExactEvaluator ev, Grid grid, int l) {
            double[] xs = grid.xs();
            ExactEvaluator.Values[] values = grid.values();
            for (int k = 0; k < xs.length; k++) {
                values[k] = ev.step(xs[k], values[k], l);
            }
        }

        /**
         * Each unit's largest |value| over the grid, rounded up by a relative 1e-9: each unit is linear
         * between grid points, so its largest |value| on [a, b] is at one of them.
         */
        private static double[] maxAbs(Grid grid, int units) {
            double[] max = new double[units];
            for (ExactEvaluator.Values v : grid.values()) {
                for (int i = 0; i < units; i++) {
                    max[i] = Math.max(max[i], Math.abs(v.approx(i)) * (1 + 1e-9));
                }
            }
            return max;
        }

        /**
         * Carries every one-ulp piece's slope intervals through this layer's activation and into the
         * next layer ({@code next}'s weights, null after the last), with the exact values at its two ends
         * that the grid holds now.
         */
        private static void advanceMicros(Grid grid, boolean relu, double[][] next) {
            Micro[] micros = grid.micros();
            ExactEvaluator.Values[] values = grid.values();
            for (int k = 0; k < micros.length; k++) {
                Micro m = micros[k];
                if (m != null && m.open()) {
                    m.advance(relu, values[k], values[k + 1], next);
                }
            }
        }

        /** Layers {@code from}… on chunks of the grid in parallel, merged in order. */
        private Grid runChunks(Grid grid, int from, double[][] maxAbs) {
            int n = grid.xs().length;
            List<Grid> parts = IntStream.range(0, CHUNKS).parallel().mapToObj(c -> {
                int i0 = (int) ((long) c * (n - 1) / CHUNKS);
                int i1 = (int) ((long) (c + 1) * (n - 1) / CHUNKS);
                Micro[] micros = Arrays.copyOfRange(grid.micros(), i0, i1 + 1);
                micros[micros.length - 1] = null;   // the piece right of the chunk's last point is the next chunk's
                Grid chunk = new Grid(Arrays.copyOfRange(grid.xs(), i0, i1 + 1), Arrays.copyOfRange(grid.values(), i0, i1 + 1), micros);
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
                total += g.xs().length - 1;
            }
            double[] xs = new double[total];
            ExactEvaluator.Values[] values = new ExactEvaluator.Values[total];
            Micro[] micros = new Micro[total];
            int at = 0;
            for (Grid g : parts) {
                int skip = at == 0 ? 0 : 1;   // a chunk's first point is the previous chunk's last
                if (skip == 1) {
                    micros[at - 1] = g.micros()[0];
                }
                int len = g.xs().length - skip;
                System.arraycopy(g.xs(), skip, xs, at, len);
                System.arraycopy(g.values(), skip, values, at, len);
                System.arraycopy(g.micros(), skip, micros, at, len);
                at += len;
            }
            return new Grid(xs, values, micros);
        }
    }

    /**
     * Inserts every kink of layer {@code l}'s units: between neighbours whose exact pre-activations
     * change sign strictly, the linear pre-activation has a root; it is inserted (as the nearest
     * double) and the two halves are checked again, until no unit changes sign between neighbours
     * or the two neighbours are adjacent doubles (a micro-interval).
     */
    private static Grid refine(ExactEvaluator ev, int l, Grid grid, AtomicLong points) {
        Refined out = new Refined(grid.xs().length * 2);
        out.add(grid.xs()[0], grid.values()[0]);
        for (int k = 1; k < grid.xs().length; k++) {
            Micro m = grid.micros()[k - 1];
            if (m != null) {
                out.micros[out.size - 1] = m;   // a one-ulp piece has no double inside: nothing to insert
            } else {
                int before = out.size;
                refineInterval(ev, l, grid.xs()[k - 1], grid.values()[k - 1], grid.xs()[k], grid.values()[k], out);
                if (out.size > before && points.addAndGet(out.size - before) > MAX_POINTS) {
                    throw new ActlabException("the network has more than " + MAX_POINTS
                            + " linear pieces on the interval; certification stops there");
                }
            }
            out.add(grid.xs()[k], grid.values()[k]);
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
        /** Scratch stack of {@link #refineInterval}. */
        final Pending pending = new Pending();

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
     * once for the interval ({@code line}, made when the first kink needs it), instead of an
     * evaluation through all l layers.
     *
     * <p>The interval is split at a kink r of the first unit that changes sign, and each half is
     * split again, left before right. The halves still to do are kept on a stack of right ends, not
     * by recursion: a recursive method is compiled again and again by the JIT with its callees
     * inlined twice over (about 2 s of compiling, more than the pass itself, for 10⁶ pieces).
     */
    private static void refineInterval(ExactEvaluator ev, int l, double x0, ExactEvaluator.Values v0, double x1,
                                       ExactEvaluator.Values v1, Refined out) {
        Line line = null;
        Pending ends = out.pending;
        ends.clear();
        ends.push(x1, v1);
        double lx = x0;
        ExactEvaluator.Values lv = v0;
        while (true) {
            double rx = ends.topX();
            ExactEvaluator.Values rv = ends.topValues();
            int i = lv.firstSignChange(rv);
            if (i >= 0 && Math.nextUp(lx) == rx) {
                out.micros[out.size - 1] = Micro.fromEnds(lx, rx, lv, rv);
                i = -1;   // no double inside: the piece is done
            }
            if (i < 0) {
                ends.pop();
                if (ends.isEmpty()) {
                    return;   // (x0, x1) is done; the caller appends x1
                }
                out.add(rx, rv);
                lx = rx;
                lv = rv;
                continue;
            }
            double z0 = lv.approx(i);
            double z1 = rv.approx(i);
            double r = lx + (rx - lx) * (z0 / (z0 - z1));
            if (!(r > lx)) {
                r = Math.nextUp(lx);
            } else if (!(r < rx)) {
                r = Math.nextDown(rx);
            }
            if (line == null) {
                line = Line.through(x0, v0, x1, v1);
            }
            ExactEvaluator.Values vr = line.at(r);
            if (vr == null) {
                vr = ev.preActivations(r, l);
            }
            ends.push(r, vr);
        }
    }

    /** A stack of points with their values (the right ends of the sub-intervals still to refine). */
    private static final class Pending {
        private double[] xs = new double[16];
        private ExactEvaluator.Values[] values = new ExactEvaluator.Values[16];
        private int size;

        void clear() {
            Arrays.fill(values, 0, size, null);
            size = 0;
        }

        void push(double x, ExactEvaluator.Values v) {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, 2 * size);
                values = Arrays.copyOf(values, 2 * size);
            }
            xs[size] = x;
            values[size] = v;
            size++;
        }

        void pop() {
            values[--size] = null;
        }

        boolean isEmpty() {
            return size == 0;
        }

        double topX() {
            return xs[size - 1];
        }

        ExactEvaluator.Values topValues() {
            return values[size - 1];
        }
    }

    /**
     * The pre-activations of one layer on an interval where they are linear: {@code z(x) = z(x0) + s·(x − x0)},
     * exactly; in double arithmetic proved exact while the values are doubles, else in fixed-width integers
     * ({@link WideLine}) where they fit, else in dyadics.
     */
    private static final class Line {
        private final double x0;
        private final ExactEvaluator.Values v0;
        private final ExactEvaluator.Values v1;
        private final double x1;
        /** Slopes in double (exact), or null. */
        private double[] doubleSlope;
        /** The line in fixed-width integers, made when first needed; {@code wideFailed} if it does not fit. */
        private WideLine wideLine;
        private boolean wideFailed;
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
            if (!wideFailed) {
                if (wideLine == null) {
                    WideAffine.Wide w0 = v0.asWide();
                    WideAffine.Wide w1 = v1.asWide();
                    wideLine = w0 == null || w1 == null ? null : WideLine.through(x0, w0, x1, w1);
                    wideFailed = wideLine == null;
                }
                if (wideLine != null) {
                    WideAffine.Wide z = wideLine.at(x);
                    if (z != null) {
                        return new ExactEvaluator.Values(null, z, null);
                    }
                }
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
}
