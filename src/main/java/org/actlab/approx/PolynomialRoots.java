package org.actlab.approx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Real roots of a polynomial with double coefficients on an interval, located in double by Rolle's
 * theorem: the roots of q′ (found the same way, down to a linear polynomial) cut the interval into
 * pieces on which q is monotone, so each piece holds at most one root; a piece whose ends have
 * opposite signs is bisected to the last double. No iteration can fail to converge (unlike
 * Laguerre's method on multiple roots: a flat piece of a network against x⁶ gives P′ = 6x⁵, a
 * five-fold root), any degree is handled, and a root of even multiplicity, where q does not change
 * sign, is reported when q vanishes there in double (it is no extremum of ∫q, so callers that look for
 * sign changes lose nothing when it is not).
 *
 * <p>Hipparchus' solvers are not used here: {@code LaguerreSolver} fails on multiple roots
 * ({@code maximal count exceeded}) and its bracketing solvers need a bracket, which this class is
 * what finds.
 */
final class PolynomialRoots {
    /** The highest degree handled (actlab's targets and PolyReLU orders stay far below). */
    static final int MAX_DEGREE = 200;

    private PolynomialRoots() {
    }

    /** The real roots of {@code Σ q_i x^i} strictly inside (x0, x1), ascending, in double. */
    static double[] inside(double[] q, double x0, double x1) {
        int deg = degree(q);
        if (deg > MAX_DEGREE) {
            throw new IllegalArgumentException("degree " + deg + " above " + MAX_DEGREE);
        }
        if (!(x0 < x1)) {
            return new double[0];
        }
        List<Double> roots = roots(Arrays.copyOf(q, deg + 1), x0, x1);
        return roots.stream().mapToDouble(Double::doubleValue).filter(r -> r > x0 && r < x1).distinct().sorted().toArray();
    }

    static int degree(double[] q) {
        int deg = q.length - 1;
        while (deg > 0 && q[deg] == 0) {
            deg--;
        }
        return deg;
    }

    private static List<Double> roots(double[] q, double x0, double x1) {
        int deg = degree(q);
        List<Double> out = new ArrayList<>();
        if (deg <= 0) {
            return out;
        }
        if (deg == 1) {
            out.add(-q[0] / q[1]);
            return out;
        }
        if (deg == 2) {
            double disc = q[1] * q[1] - 4 * q[2] * q[0];
            if (disc >= 0) {
                double sq = Math.sqrt(disc);
                double t = -0.5 * (q[1] + Math.copySign(sq, q[1]));
                if (t != 0) {
                    out.add(t / q[2]);
                    out.add(q[0] / t);
                } else {
                    out.add(0.0);
                }
                return out;
            }
            // no real root in double; a near-double root (disc just below 0) is where q touches 0:
            // reported as the vertex when q vanishes there in double
            double vertex = -q[1] / (2 * q[2]);
            if (horner(q, vertex) == 0) {
                out.add(vertex);
            }
            return out;
        }
        double[] dq = new double[deg];
        for (int i = 1; i <= deg; i++) {
            dq[i - 1] = i * q[i];
        }
        List<Double> cuts = new ArrayList<>();
        cuts.add(x0);
        for (double c : roots(dq, x0, x1)) {
            if (c > x0 && c < x1) {
                cuts.add(c);
            }
        }
        cuts.add(x1);
        cuts.sort(Double::compare);
        for (int k = 0; k + 1 < cuts.size(); k++) {
            double u = cuts.get(k);
            double v = cuts.get(k + 1);
            double fu = horner(q, u);
            double fv = horner(q, v);
            if (fu == 0 && k > 0) {
                out.add(u);   // a root at a critical point of q (a multiple root)
            } else if (fu != 0 && fv != 0 && (fu < 0) != (fv < 0)) {
                out.add(bisect(q, u, v, fu));
            }
        }
        return out;
    }

    /** The root in (u, v) of a q with q(u) = fu and q(v) of the other sign, to the last double. */
    private static double bisect(double[] q, double u, double v, double fu) {
        double lo = u;
        double hi = v;
        boolean loNegative = fu < 0;
        for (int i = 0; i < 2200; i++) {
            double mid = 0.5 * (lo + hi);
            if (!(mid > lo && mid < hi)) {
                mid = lo + 0.5 * (hi - lo);
                if (!(mid > lo && mid < hi)) {
                    break;
                }
            }
            double f = horner(q, mid);
            if (f == 0) {
                return mid;
            }
            if ((f < 0) == loNegative) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.abs(horner(q, lo)) <= Math.abs(horner(q, hi)) ? lo : hi;
    }

    static double horner(double[] c, double x) {
        double acc = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            acc = acc * x + c[i];
        }
        return acc;
    }
}
