package org.actlab.approx;

import org.actlab.polynomial.Polynomial;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A rigorous upper bound of {@code max |e|} on one linear piece [x0, x1] of a network, where
 * {@code e(t) = P(t) − ℓ(t)}, P a polynomial with double coefficients and ℓ the exact line through
 * (x0, y0) and (x1, y1), by subdivision: on a subinterval [u, v] the range of {@code e′ = P′ − s} is
 * enclosed by a Taylor expansion at the midpoint (with rounding margins); where that range excludes 0,
 * e is monotone and its maximum is the larger of its exact end values; elsewhere the subinterval is
 * split (at a root of e′ where one is bracketed, else the middle) until the bound
 * {@code (|e(u)| + |e(v)| + (v − u)·max|e′|)/2} exceeds the end values by less than a relative
 * 2⁻⁵⁰ (or 60 levels deep). Every value of e is exact (dyadic arithmetic); the result is an upper bound
 * of the true maximum, exact when it is an end value of a monotone subinterval.
 *
 * <p>This is what works where the critical point of e is a multiple root (a flat piece against x⁶:
 * e′ = 6x⁵), which defeats both Laguerre's method and a curvature enclosure, and it reports the
 * maximum where it is (at x = ±1 there), not at the critical point.
 */
final class PieceMaximum {
    private static final double U = Math.ulp(1.0) / 2;
    private static final double RELATIVE_TOLERANCE = 0x1p-50;
    private static final int MAX_DEPTH = 60;

    /** The bound, where it is attained (an end of the subinterval that gives it), and whether it is exact. */
    record Result(double value, double at, boolean exact) {
    }

    private final double[] p;
    private final double[][] derivatives;   // derivatives[k] = P^(k), k = 1..deg
    private final Dyadic fy0;
    private final Dyadic fx0;
    private final Dyadic width;
    private final Dyadic rise;
    private final double slope;
    private final double slopeMargin;

    private PieceMaximum(double[] p, double x0, double x1, Dyadic fy0, Dyadic fy1) {
        this.p = p;
        int deg = p.length - 1;
        derivatives = new double[deg + 1][];
        derivatives[0] = p;
        for (int k = 1; k <= deg; k++) {
            double[] prev = derivatives[k - 1];
            double[] d = new double[Math.max(1, prev.length - 1)];
            for (int i = 1; i < prev.length; i++) {
                d[i - 1] = i * prev[i];
            }
            derivatives[k] = d;
        }
        this.fy0 = fy0;
        this.fx0 = Dyadic.of(x0);
        this.width = Dyadic.of(x1).subtract(fx0);
        this.rise = fy1.subtract(fy0);
        this.slope = rise.approx() / width.approx();
        this.slopeMargin = 16 * U * Math.abs(slope) + Double.MIN_VALUE;
    }

    /**
     * The bound on [x0, x1] given the exact end errors {@code e0 = |e(x0)|}, {@code e1 = |e(x1)|} and
     * extra split points (roots of e′ located by the caller, may be empty).
     */
    static Result of(double[] p, double x0, double x1, Dyadic fy0, Dyadic fy1, double e0, double e1, double[] splits) {
        return new PieceMaximum(p, x0, x1, fy0, fy1).run(x0, x1, e0, e1, splits);
    }

    private Result run(double x0, double x1, double e0, double e1, double[] splits) {
        Deque<double[]> work = new ArrayDeque<>();   // {u, v, |e(u)|, |e(v)|, depth}
        double u = x0;
        double eu = e0;
        for (double c : splits) {
            if (c > u && c < x1) {
                double ec = exactError(c);
                work.push(new double[] {u, c, eu, ec, 0});
                u = c;
                eu = ec;
            }
        }
        work.push(new double[] {u, x1, eu, e1, 0});
        double best = Math.max(e0, e1);
        double at = e0 >= e1 ? x0 : x1;
        boolean exact = true;
        while (!work.isEmpty()) {
            double[] w = work.pop();
            double a = w[0];
            double b = w[1];
            double ea = w[2];
            double eb = w[3];
            double ends = Math.max(ea, eb);
            double end = ea >= eb ? a : b;
            double[] range = slopeRange(a, b);
            double leaf;
            boolean leafExact;
            if (range[0] > 0 || range[1] < 0) {
                leaf = ends;   // e is monotone on [a, b]
                leafExact = true;
            } else {
                double m = Math.max(-range[0], range[1]);
                double bound = ((ea + eb + (b - a) * m) / 2) * (1 + 8 * U);
                double mid = 0.5 * (a + b);
                boolean canSplit = mid > a && mid < b && w[4] < MAX_DEPTH;
                if (bound <= ends || !canSplit || bound - ends <= RELATIVE_TOLERANCE * Math.max(best, ends)) {
                    leaf = Math.max(bound, ends);
                    leafExact = bound <= ends;
                } else {
                    double c = split(a, b, mid);
                    double ec = exactError(c);
                    work.push(new double[] {a, c, ea, ec, w[4] + 1});
                    work.push(new double[] {c, b, ec, eb, w[4] + 1});
                    continue;
                }
            }
            if (leaf > best || (leaf == best && !leafExact)) {
                best = leaf;
                at = end;
                exact = leafExact;
            }
        }
        return new Result(best, at, exact);
    }

    /** A root of e′ bracketed by a sign change in double on (a, b), refined by a few bisections; else the middle. */
    private double split(double a, double b, double mid) {
        double fa = slopeAt(a);
        double fb = slopeAt(b);
        if (!(fa != 0 && fb != 0 && (fa < 0) != (fb < 0))) {
            return mid;
        }
        double lo = a;
        double hi = b;
        for (int i = 0; i < 60; i++) {
            double m = 0.5 * (lo + hi);
            if (!(m > lo && m < hi)) {
                break;
            }
            double f = slopeAt(m);
            if (f == 0) {
                return m;
            }
            if ((f < 0) == (fa < 0)) {
                lo = m;
            } else {
                hi = m;
            }
        }
        double c = 0.5 * (lo + hi);
        return c > a && c < b ? c : mid;
    }

    /** e′(t) = P′(t) − s in double. */
    private double slopeAt(double t) {
        return Polynomial.horner(derivatives[1], t) - slope;
    }

    /**
     * An enclosure [lo, hi] of e′ on [a, b]: e′(t) = e′(m) + Σ_{k≥1} P^(k+1)(m)(t − m)^k/k!, with each
     * term bounded by |P^(k+1)(m)| r^k/k! (r the half width) and every double evaluation allowed its
     * rounding error (Higham's γ with the absolute values of the terms).
     */
    private double[] slopeRange(double a, double b) {
        double m = 0.5 * (a + b);
        double r = Math.max(m - a, b - m) * (1 + 4 * U);
        double am = Math.abs(m);
        int deg = p.length - 1;
        double gamma = (4 * deg + 8) * U;
        double center = slopeAt(m);
        double spread = gamma * (absHorner(derivatives[1], am) + Math.abs(slope)) + slopeMargin;
        double rk = 1;
        double factorial = 1;
        for (int k = 1; k + 1 <= deg; k++) {
            rk *= r;
            factorial *= k;
            double[] d = derivatives[k + 1];
            double dk = Math.abs(Polynomial.horner(d, m)) + gamma * absHorner(d, am);
            spread += dk * rk / factorial;
        }
        spread *= 1 + 8 * U;
        return new double[] {center - spread, center + spread};
    }

    private static double absHorner(double[] c, double x) {
        double acc = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            acc = acc * x + Math.abs(c[i]);
        }
        return acc;
    }

    /** |e(t)| exactly, rounded up: e·D = (P(t) − y0)·D − rise·(t − x0) is dyadic, D = x1 − x0. */
    private double exactError(double t) {
        Dyadic ft = Dyadic.of(t);
        Dyadic numerator = Dyadic.horner(p, ft).subtract(fy0).multiply(width).subtract(rise.multiply(ft.subtract(fx0)));
        return Dyadic.upperQuotient(numerator, width);
    }
}
