package org.actlab.approx;

import java.util.ArrayList;
import java.util.List;

import org.actlab.network.Layer;
import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.actlab.polynomial.Interval;
import org.actlab.polynomial.Rationals;
import org.actlab.polynomial.Target;
import org.hipparchus.fraction.BigFraction;

/**
 * Exact breakpoints and values of a one-hidden-layer ReLU network
 * {@code y = c + Σ_i v_i·σ(w_i x + b_i)} on [a, b], in O(N log N): unit i kinks at {@code −b_i/w_i};
 * sweeping the sorted kinks from left to right, the exact slope and intercept of y change by
 * {@code v_i w_i} and {@code v_i b_i} as a unit switches on ({@code w_i > 0}) or off ({@code w_i < 0}).
 * Kinks that are not doubles are bracketed by the two doubles around them (a kink inside a one-ulp
 * piece is then bounded through local slope intervals by the certifier; with a double kink, the
 * common case, there is nothing to bound). Used instead of the layer-by-layer refinement, which
 * would evaluate all N units at each of N breakpoints.
 */
final class ShallowSweep implements BreakpointSweep {
    /** One hidden ReLU layer and an identity output: certified by the O(N log N) sweep. */
    static boolean applies(Network net) {
        return net.depth() == 2 && net.layers().get(0).activation() instanceof LayerActivation.Relu
                && net.layers().get(1).activation() instanceof LayerActivation.Identity;
    }

    @Override
    public Breakpoints sweep(Network net, ExactEvaluator ev, Target target, Interval on) {
        return new Breakpoints(grid(net, target, on.a(), on.b()), shallowMaxima(net, on.a(), on.b()),
                "breakpoints and values exact by a sweep over the sorted kinks of the hidden units");
    }

    /**
     * The grid of exact breakpoints and values, with a {@link Micro} for every one-ulp piece that
     * brackets a kink at a non-double point.
     */
    static Grid grid(Network net, Target target, double a, double b) {
        Layer hidden = net.layers().get(0);
        Layer out = net.layers().get(1);
        int n = hidden.outputs();
        double[] w = new double[n];
        double[] bias = hidden.bias();
        double[] v = out.weights()[0];
        List<double[]> kinks = new ArrayList<>(); // {position, unit}
        Dyadic slope = Dyadic.ZERO;
        Dyadic intercept = Dyadic.of(out.bias()[0]);
        BigFraction fa = Rationals.of(a);
        BigFraction fb = Rationals.of(b);
        for (int i = 0; i < n; i++) {
            w[i] = hidden.weights()[i][0];
            if (v[i] == 0) {
                continue;
            }
            if (w[i] == 0) {
                if (bias[i] > 0) {
                    intercept = intercept.add(Dyadic.of(v[i]).multiply(Dyadic.of(bias[i])));
                }
                continue;
            }
            // the exact root r = −b_i/w_i: left of (a, b) the unit is on for all x in it iff w > 0,
            // right of it iff w < 0; inside, it starts in the state it has just right of a (on iff
            // w < 0) and toggles at r
            BigFraction r = Rationals.of(-bias[i]).divide(Rationals.of(w[i]));
            boolean on;
            if (r.compareTo(fa) <= 0) {
                on = w[i] > 0;
            } else if (r.compareTo(fb) >= 0) {
                on = w[i] < 0;
            } else {
                on = w[i] < 0;
                kinks.add(new double[] {-bias[i] / w[i], i});
            }
            if (on) {
                slope = slope.add(Dyadic.of(v[i]).multiply(Dyadic.of(w[i])));
                intercept = intercept.add(Dyadic.of(v[i]).multiply(Dyadic.of(bias[i])));
            }
        }
        // exact roots in increasing order: rounding is monotonic, so sorting by the double root and
        // breaking ties by the exact root gives the exact order
        int m = kinks.size();
        BigFraction[] exactRoot = new BigFraction[m];
        for (int k = 0; k < m; k++) {
            int unit = (int) kinks.get(k)[1];
            exactRoot[k] = Rationals.of(-bias[unit]).divide(Rationals.of(w[unit]));
        }
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (p, q) -> {
            int c = Double.compare(kinks.get(p)[0], kinks.get(q)[0]);
            return c != 0 ? c : exactRoot[p].compareTo(exactRoot[q]);
        });
        // candidate points: the ends, 0 where the target kinks, each kink that is a double, and the
        // two doubles around each kink that is not
        java.util.TreeSet<Double> points = new java.util.TreeSet<>();
        points.add(a);
        points.add(b);
        if (target.hasBreakpointAtZero() && a < 0 && 0 < b) {
            points.add(0.0);
        }
        for (int k = 0; k < m; k++) {
            double d = kinks.get(k)[0] + 0.0; // −0.0 and 0.0 are one point
            int cmp = exactRoot[k].compareTo(Rationals.of(d));
            if (cmp == 0) {
                points.add(d);
            } else {
                double other = cmp > 0 ? Math.nextUp(d) : Math.nextDown(d);
                points.add(Math.max(a, Math.min(d, other)));
                points.add(Math.min(b, Math.max(d, other)));
            }
        }
        double[] outX = points.stream().mapToDouble(Double::doubleValue).toArray();
        ExactEvaluator.Values[] values = new ExactEvaluator.Values[outX.length];
        Micro[] micro = new Micro[outX.length];
        int next = 0; // next kink (in exact order) not yet toggled
        for (int p = 0; p < outX.length; p++) {
            BigFraction fx = Rationals.of(outX[p]);
            // toggle every unit whose kink lies strictly left of this point (a unit whose kink is the
            // point itself has z = 0 there and contributes nothing either way)
            boolean crossed = false;
            double slopeBefore = Math.abs(slope.approx());
            double toggledInside = 0;
            while (next < m && exactRoot[order[next]].compareTo(fx) < 0) {
                int unit = (int) kinks.get(order[next])[1];
                Dyadic[] updated = toggle(unit, w, bias, v, slope, intercept);
                slope = updated[0];
                intercept = updated[1];
                // every unit switching in this step bounds the slope of a sub-piece, including one
                // whose kink is the previous point itself
                toggledInside += Math.abs(v[unit] * w[unit]);
                if (p > 0 && exactRoot[order[next]].compareTo(Rationals.of(outX[p - 1])) > 0) {
                    crossed = true;
                }
                next++;
            }
            if (crossed) {
                // a kink strictly inside (previous point, this point): only ever a one-ulp bracket;
                // inside it the slope is the slope at the start plus some of the units switching here
                micro[p - 1] = (Micro.withSlopeBound(outX[p - 1], outX[p], (slopeBefore + toggledInside) * (1 + 1e-9)));
            }
            values[p] = ExactEvaluator.Values.of(new Dyadic[] {slope.multiply(Dyadic.of(outX[p])).add(intercept)});
        }
        return new Grid(outX, values, micro);
    }

    /** Unit {@code i} crosses its kink going right: on if w > 0, off if w < 0. */
    private static Dyadic[] toggle(int i, double[] w, double[] bias, double[] v, Dyadic slope, Dyadic intercept) {
        Dyadic ds = Dyadic.of(v[i]).multiply(Dyadic.of(w[i]));
        Dyadic di = Dyadic.of(v[i]).multiply(Dyadic.of(bias[i]));
        return w[i] > 0 ? new Dyadic[] {slope.add(ds), intercept.add(di)}
                : new Dyadic[] {slope.subtract(ds), intercept.subtract(di)};
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
}
