package org.actlab.polynomial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hipparchus.fraction.BigFraction;

/**
 * An immutable real polynomial {@code p(x) = Σ_i c_i x^i} with double coefficients (ascending), and
 * the kernels every piecewise-polynomial computation of actlab shares: Horner's rule in double and
 * exactly over the rationals, the derivative, the real roots on an interval and a bound of |p|.
 *
 * <p>The static kernels take coefficient arrays as they are, so that hot loops (the certifier's
 * pieces, the catalogue's PolyReLU, the network's PolyReLU layers) run on plain arrays with no
 * object per call; the instance methods are the same kernels on a value that cannot change.
 * Hipparchus' {@code PolynomialFunction} is not used for the kernels because its derivative and
 * evaluation allocate per call and it has no exact evaluation; its Horner loop is the same one.
 */
public final class Polynomial {
    private static final double U = Math.ulp(1.0) / 2;
    /** Ascending, trailing zeros trimmed, at least one coefficient. */
    private final double[] c;

    private Polynomial(double[] c) {
        this.c = c;
    }

    /** The polynomial {@code Σ coefficients[i]·x^i} (trailing zero coefficients are dropped). */
    public static Polynomial of(double... coefficients) {
        if (coefficients.length == 0) {
            return new Polynomial(new double[] {0});
        }
        return new Polynomial(Arrays.copyOf(coefficients, degree(coefficients) + 1));
    }

    /** The coefficients, ascending (a copy). */
    public double[] coefficients() {
        return c.clone();
    }

    /** The degree (0 for a constant, including 0). */
    public int degree() {
        return c.length - 1;
    }

    /** p(x) by Horner's rule. */
    public double value(double x) {
        return horner(c, x);
    }

    /** p(x) exactly, for a rational x. */
    public BigFraction exactValue(BigFraction x) {
        return hornerExact(c, x);
    }

    /** p′. */
    public Polynomial derivative() {
        return of(derivative(c));
    }

    /** The real roots of p strictly inside (x0, x1), ascending, located in double (see {@link #rootsInside(double[], double, double)}). */
    public double[] rootsInside(double x0, double x1) {
        return rootsInside(c, x0, x1);
    }

    /** {@code {min p, max p}} on [a, b]: at the ends or at roots of p′ inside. */
    public double[] range(double a, double b) {
        double lo = Math.min(value(a), value(b));
        double hi = Math.max(value(a), value(b));
        for (double r : rootsInside(derivative(c), a, b)) {
            lo = Math.min(lo, value(r));
            hi = Math.max(hi, value(r));
        }
        return new double[] {lo, hi};
    }

    /** {@code Σ c_i x^i} by Horner's rule, from the highest coefficient down. */
    public static double horner(double[] c, double x) {
        if (c.length == 0) {
            return 0;
        }
        double acc = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            acc = acc * x + c[i];
        }
        return acc;
    }

    /** {@code Σ c_i x^i} exactly over the rationals (every double coefficient is a rational). */
    public static BigFraction hornerExact(double[] c, BigFraction x) {
        BigFraction acc = BigFraction.ZERO;
        for (int i = c.length - 1; i >= 0; i--) {
            acc = acc.multiply(x).add(Rationals.of(c[i]));
        }
        return acc;
    }

    /** The coefficients of the derivative: {@code d_{i−1} = i·c_i} (a constant's derivative is {0}). */
    public static double[] derivative(double[] c) {
        int deg = degree(c);
        if (deg == 0) {
            return new double[] {0};
        }
        double[] d = new double[deg];
        for (int i = 1; i <= deg; i++) {
            d[i - 1] = i * c[i];
        }
        return d;
    }

    /**
     * A bound of {@code max |Σ c_i x^i|} over {@code |x| ≤ scale}: {@code Σ |c_i|·scale^i}, enlarged by
     * {@code (1 + 8u)} to cover the rounding of its own Horner evaluation.
     */
    public static double absBound(double[] c, double scale) {
        double acc = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            acc = acc * scale + Math.abs(c[i]);
        }
        return acc * (1 + 8 * U);
    }

    /**
     * The real roots of {@code Σ q_i x^i} strictly inside (x0, x1), ascending, in double, located by
     * Rolle's theorem: the roots of q′ (found the same way, down to a linear polynomial) cut the
     * interval into pieces on which q is monotone, so each piece holds at most one root; a piece
     * whose ends have opposite signs is bisected to the last double. No iteration can fail to
     * converge (unlike Laguerre's method on multiple roots: a flat piece of a network against x⁶
     * gives P′ = 6x⁵, a five-fold root), any degree up to {@value #MAX_DEGREE} is handled, and a root
     * of even multiplicity, where q does not change sign, is reported when q vanishes there in double
     * (it is no extremum of ∫q, so callers that look for sign changes lose nothing when it is not).
     * Hipparchus' solvers are not used: {@code LaguerreSolver} fails on multiple roots
     * ({@code maximal count exceeded}) and its bracketing solvers need a bracket, which this is what
     * finds.
     */
    public static double[] rootsInside(double[] q, double x0, double x1) {
        return inside(q, x0, x1);
    }

    /** The degree of {@code Σ c_i x^i}: the index of the last non-zero coefficient (0 if none). */
    public static int degree(double[] c) {
        int deg = c.length - 1;
        while (deg > 0 && c[deg] == 0) {
            deg--;
        }
        return Math.max(deg, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polynomial p && Arrays.equals(c, p.c);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(c);
    }

    @Override
    public String toString() {
        return "Polynomial" + Arrays.toString(c);
    }

    /** The highest degree handled (actlab's targets and PolyReLU orders stay far below). */
    public static final int MAX_DEGREE = 200;


    /** The real roots of {@code Σ q_i x^i} strictly inside (x0, x1), ascending, in double. */
    private static double[] inside(double[] q, double x0, double x1) {
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
}
