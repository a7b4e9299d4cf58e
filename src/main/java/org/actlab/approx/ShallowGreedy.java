package org.actlab.approx;

import java.util.ArrayList;
import java.util.List;

import org.actlab.ActlabException;
import org.actlab.network.Network;
import org.actlab.polynomial.Polynomial;
import org.actlab.polynomial.Target;

/**
 * One-hidden-layer ReLU networks with free knots for any piecewise-polynomial target.
 *
 * <p>Knots are placed greedily from the left, each cell as long as its secant stays within the
 * allowance. For a convex target (T″ ≥ 0 on each piece and no downward kink at 0) every secant lies
 * above T, so cells may have a gap of 2e and the whole interpolant is shifted down by e: the error
 * equioscillates between ±e, which is optimal for continuous piecewise-linear approximation with
 * that number of pieces (the Chebyshev equioscillation criterion); concave targets mirror this. Otherwise the plain interpolant
 * with error ≤ ε per cell is used. The target's breakpoint 0 is always a knot.
 *
 * <p>As a network: {@code y = y_0 + s_0·σ(x − a) + Σ_{i≥1} (s_i − s_{i−1})·σ(x − t_i)}, N hidden units
 * for N pieces, 3N + 1 parameters.
 */
final class ShallowGreedy {
    /** The most pieces built (the greedy search costs about 60 root solves per piece). */
    static final int MAX_PIECES = 300_000;

    private ShallowGreedy() {
    }

    static Construction build(Target t, double a, double b, double eps) {
        int shape = shape(t, a, b);
        double gap = shape == 0 ? eps : 2 * eps * (1 - 1e-12);
        double shift = shape > 0 ? -gap / 2 : shape < 0 ? gap / 2 : 0;
        List<Double> knots = new ArrayList<>();
        knots.add(a);
        double x0 = a;
        while (x0 < b) {
            double end = (t.hasBreakpointAtZero() && x0 < 0 && 0 < b) ? 0 : b;
            double x1 = maxEnd(t, x0, end, gap);
            knots.add(x1);
            x0 = x1;
            if (knots.size() > MAX_PIECES + 1) {
                throw new ActlabException("a one-hidden-layer network for ε = " + eps + " needs more than " + MAX_PIECES
                        + " units (the maximum)");
            }
        }
        int n = knots.size() - 1;
        String kind = shape != 0 ? (shape > 0 ? "convex" : "concave") + " target: equioscillating, secant gaps 2ε shifted by ε"
                : "interpolant with error ≤ ε per cell";
        return new Construction(fromKnots(t, knots, shift), shape == 0 ? eps : gap / 2,
                n + " hidden units, greedy free knots (" + kind + ")");
    }

    /**
     * The fewest uniform knots whose interpolant (shifted by half the largest secant gap where the
     * target is convex or concave) is within ε; the target's breakpoint 0 is added as a knot.
     */
    static Construction uniform(Target t, double a, double b, double eps) {
        int shape = shape(t, a, b);
        int lo = 1;
        int hi = 1;
        while (uniformError(t, a, b, hi, shape) > eps) {
            lo = hi;
            hi *= 2;
            if (hi > 2 * MAX_PIECES) {
                throw new ActlabException("uniform knots for ε = " + eps + " need more than " + MAX_PIECES + " units (the maximum)");
            }
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (uniformError(t, a, b, mid, shape) <= eps) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        List<Double> knots = uniformKnots(t, a, b, hi);
        double gap = maxGap(t, knots);
        double shift = shape > 0 ? -gap / 2 : shape < 0 ? gap / 2 : 0;
        return new Construction(fromKnots(t, knots, shift), shape == 0 ? gap : gap / 2,
                (knots.size() - 1) + " hidden units, " + hi + " uniform cells" + (shape != 0 ? ", shifted by half the largest gap" : ""));
    }

    private static List<Double> uniformKnots(Target t, double a, double b, int n) {
        java.util.TreeSet<Double> knots = new java.util.TreeSet<>();
        for (int i = 0; i <= n; i++) {
            knots.add(i == n ? b : a + (b - a) * i / n);
        }
        if (t.hasBreakpointAtZero() && a < 0 && 0 < b) {
            knots.add(0.0);
        }
        return new ArrayList<>(knots);
    }

    private static double maxGap(Target t, List<Double> knots) {
        double worst = 0;
        for (int i = 0; i + 1 < knots.size(); i++) {
            worst = Math.max(worst, secantGap(t, knots.get(i), knots.get(i + 1)));
        }
        return worst;
    }

    private static double uniformError(Target t, double a, double b, int n, int shape) {
        double gap = maxGap(t, uniformKnots(t, a, b, n));
        return shape == 0 ? gap : gap / 2;
    }

    /** {@code y_0 + s_0·σ(x − t_0) + Σ_{i≥1} (s_i − s_{i−1})·σ(x − t_i)} through the knots, shifted. */
    private static Network fromKnots(Target t, List<Double> knots, double shift) {
        int n = knots.size() - 1;
        double a = knots.get(0);
        double[] w = new double[n];
        double[] bias = new double[n];
        double[] v = new double[n];
        double previousSlope = 0;
        for (int i = 0; i < n; i++) {
            double l = knots.get(i);
            double r = knots.get(i + 1);
            double slope = (t.value(r) - t.value(l)) / (r - l);
            w[i] = 1;
            bias[i] = -l;
            v[i] = slope - previousSlope;
            previousSlope = slope;
        }
        return OneHiddenLayer.of(w, bias, v, t.value(a) + shift);
    }

    /** +1 convex, −1 concave, 0 neither, on [a, b]. */
    private static int shape(Target t, double a, double b) {
        boolean convex = true;
        boolean concave = true;
        for (double[] piece : new double[][] {t.left(), t.right()}) {
            boolean left = piece == t.left();
            double lo = left ? a : Math.max(a, 0);
            double hi = left ? Math.min(b, 0) : b;
            if (!t.hasBreakpointAtZero()) {
                lo = a;
                hi = b;
            }
            if (!(lo < hi)) {
                continue;
            }
            double[] second = Polynomial.derivative(Polynomial.derivative(piece));
            double min = Math.min(Polynomial.horner(second, lo), Polynomial.horner(second, hi));
            double max = Math.max(Polynomial.horner(second, lo), Polynomial.horner(second, hi));
            for (double r : Polynomial.rootsInside(Polynomial.derivative(second), lo, hi)) {
                min = Math.min(min, Polynomial.horner(second, r));
                max = Math.max(max, Polynomial.horner(second, r));
            }
            convex &= min >= 0;
            concave &= max <= 0;
        }
        if (t.hasBreakpointAtZero() && a < 0 && 0 < b) {
            double jump = Polynomial.horner(Polynomial.derivative(t.right()), 0)
                    - Polynomial.horner(Polynomial.derivative(t.left()), 0);
            convex &= jump >= 0;
            concave &= jump <= 0;
        }
        return convex ? 1 : concave ? -1 : 0;
    }

    /** The largest x1 ≤ end with max |T − secant| ≤ gap on [x0, x1] (bisection; monotone in x1). */
    private static double maxEnd(Target t, double x0, double end, double gap) {
        if (secantGap(t, x0, end) <= gap) {
            return end;
        }
        double lo = x0;
        double hi = end;
        for (int i = 0; i < 200 && Math.nextUp(lo) < hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (secantGap(t, x0, mid) <= gap) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if (lo == x0) {
            lo = Math.nextUp(x0);
        }
        return lo;
    }

    /** max |T − secant| on [x0, x1]: at the critical points of T − secant inside (one polynomial piece). */
    private static double secantGap(Target t, double x0, double x1) {
        double[] piece = t.pieceAt(0.5 * (x0 + x1));
        double y0 = Polynomial.horner(piece, x0);
        double s = (Polynomial.horner(piece, x1) - y0) / (x1 - x0);
        double[] d = Polynomial.derivative(piece);
        d[0] -= s;
        double worst = 0;
        for (double c : Polynomial.rootsInside(d, x0, x1)) {
            worst = Math.max(worst, Math.abs(Polynomial.horner(piece, c) - (y0 + s * (c - x0))));
        }
        return worst;
    }
}
