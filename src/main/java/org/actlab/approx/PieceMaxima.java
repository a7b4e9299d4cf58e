package org.actlab.approx;

import java.util.Arrays;

import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.actlab.polynomial.Polynomial;
import org.actlab.polynomial.Rationals;
import org.actlab.polynomial.Target;
import org.hipparchus.fraction.BigFraction;

/**
 * The supremum of {@code |T − net|} over the linear pieces of a network, from its exact breakpoints:
 * the second half of certification. On a piece, {@code e = T − ℓ} with ℓ the network's line. Its
 * maximum is at an end or where {@code T′ = slope}: for pieces of degree ≤ 2 that point is rational
 * and e is evaluated exactly there; for higher degree the root is located in double and a rigorous
 * Taylor remainder (from bounds on T″ and T‴) is added. A micro-interval adds (a bound on |T′| plus
 * the network's slope bound there) × its width.
 *
 * <p>Branch and bound: a piece whose rigorous double-precision bound (its ends' |e| through Horner's error
 * bound, plus {@code max|T″|·h²/8} or the one-ulp slope term) is strictly below the best bound so far is
 * not worked exactly: its maximum lies below a bound already found, so the supremum stays a rigorous bound.
 * It is the same as working every piece would give (the test holds it to that on five constructions),
 * unless such a piece's own bound, loose by its Taylor remainder, would have come out above the best; then
 * it is tighter. On the deep PolyReLU networks 96 % of the pieces are left out; their exact work, in Dyadic
 * arithmetic, was a fifth of a certification.
 */
final class PieceMaxima {
    private static final double U = Math.ulp(1.0) / 2;
    /** The network's output at each breakpoint: exactly where it is a double, else its nearest double ({@link #exactY}). */
    final double[] y;
    /** The last layer's exact values at the breakpoints (the grid's). */
    private final ExactEvaluator.Values[] values;
    private final boolean reluOut;
    /** The largest bound over the pieces, where it is attained, whether it is an exact value. */
    final double best;
    final double argmax;
    final boolean bestExact;
    /** One-ulp pieces bounded through slope intervals. */
    final long microCount;
    /** Pieces left out of the exact work because a float bound put them below the best bound so far. */
    final long pruned;

    PieceMaxima(Network net, Target target, Grid grid) {
        this(net, target, grid, true);
    }

    /** With {@code prune} false every piece is worked exactly (for the test that holds pruning to that). */
    PieceMaxima(Network net, Target target, Grid grid, boolean prune) {
        double a = grid.xs()[0];
        double[] xs = grid.xs();
        this.reluOut = net.layers().get(net.depth() - 1).activation() instanceof LayerActivation.Relu;
        this.values = grid.values();
        double[] y = new double[xs.length];
        for (int k = 0; k < xs.length; k++) {
            // the exact value is made only for the pieces worked exactly (a few per cent when pruning)
            ExactEvaluator.Values v = values[k];
            y[k] = reluOut && v.signum(0) < 0 ? 0.0 : v.approx(0);
        }
        Scan scan = new Scan(target, a);
        long microCount = 0;
        long pruned = 0;
        // the target's piece in use and its first two derivatives (the target has one or two pieces)
        double[] derived = null;
        double[] d1 = null;
        double[] d2 = null;
        for (int k = 0; k + 1 < xs.length; k++) {
            double x0 = xs[k];
            double x1 = xs[k + 1];
            double[] piece = target.pieceAt(0.5 * (x0 + x1));
            if (piece != derived) {
                derived = piece;
                d1 = Polynomial.derivative(piece);
                d2 = Polynomial.derivative(d1);
            }
            double scale = Math.max(Math.abs(x0), Math.abs(x1));
            Micro micro = grid.micros()[k];
            // a one-ulp piece: (a bound on |T′| plus the network's slope bound there) × its width, below and in its bound
            double slopeTerm = 0;
            if (micro != null) {
                microCount++;
                slopeTerm = (Polynomial.absBound(d1, scale) + micro.slopeBound()) * (x1 - x0) * (1 + 1e-9);
            }
            if (prune && scan.best > 0 && floatBound(piece, d2, scale, x0, x1, y[k], y[k + 1], micro != null, slopeTerm) < scan.best) {
                // the piece's maximum is below the best bound so far, by a rigorous float bound: its exact work
                // cannot raise the supremum (see the class comment)
                scan.previousEnd = null;
                pruned++;
                continue;
            }
            scan.work(piece, x0, x1, y[k], y[k + 1], exactOrNull(k), exactOrNull(k + 1), micro != null, slopeTerm);
        }
        double best = scan.best;
        double argmax = scan.argmax;
        boolean bestExact = scan.bestExact;
        this.y = y;
        this.best = best;
        this.argmax = argmax;
        this.bestExact = bestExact;
        this.microCount = microCount;
        this.pruned = pruned;
    }

    /**
     * The exact work on the pieces that are not left out, and the best bound so far. It is a method of its own,
     * not the body of the constructor's loop, so that the JIT compiles it once rather than inlining it all into
     * an on-stack replacement of that loop (half a second of compiling for 10⁶ pieces).
     */
    private static final class Scan {
        private final Target target;
        double best = -1;
        double argmax;
        boolean bestExact = true;
        /** The previous piece's right end, when that piece was worked (its left end is shared). */
        Bound previousEnd;

        Scan(Target target, double a) {
            this.target = target;
            this.argmax = a;
        }

        /** Works the piece [x0, x1] of the target's polynomial {@code piece} exactly; exact ends are null where y is exact. */
        void work(double[] piece, double x0, double x1, double y0, double y1, Dyadic exact0, Dyadic exact1, boolean micro,
                  double slopeTerm) {
            // the end shared with the previous piece is reused when both pieces use the same polynomial
            Bound e0 = previousEnd != null && target.pieceAt(x0) == piece ? previousEnd : endpointError(piece, x0, y0, exact0);
            Bound e1 = endpointError(piece, x1, y1, exact1);
            previousEnd = e1;
            Bound pieceMax = e0.value >= e1.value ? e0 : e1;
            if (micro) {
                pieceMax = new Bound(pieceMax.value + slopeTerm, x0, false);
            } else {
                Bound interior = interiorMax(piece, x0, x1, y0, y1, exact0 == null && exact1 == null
                        ? null : new Dyadic[] {exactOf(exact0, y0), exactOf(exact1, y1)}, e0.value, e1.value);
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
    }

    /**
     * A rigorous upper bound on {@code max |e|} over the piece, in double arithmetic: the ends' |e| bounded
     * through Horner's error bound, then for a one-ulp piece the same slope term as its bound below, else the
     * largest departure of e from its chord, {@code max|T″|·h²/8}.
     */
    private static double floatBound(double[] piece, double[] d2, double scale, double x0, double x1, double y0, double y1,
                                     boolean micro, double slopeTerm) {
        double ends = Math.max(floatEndBound(piece, x0, y0), floatEndBound(piece, x1, y1));
        if (micro) {
            return (ends + slopeTerm) * (1 + 4 * U);
        }
        double h = x1 - x0;
        return (ends + Polynomial.absBound(d2, scale) * h * h / 8) * (1 + 8 * U);
    }

    /**
     * A bound on {@code |T(x) − y*|} where y is the exact network value y* or its correctly rounded double (so
     * within U·|y| of it): Horner's rounding of T(x) is at most γ_2n·Σ|p_i||x|^i (Higham), taken with room to spare.
     */
    private static double floatEndBound(double[] piece, double x, double y) {
        double t = Polynomial.horner(piece, x);
        double magnitude = Polynomial.absBound(piece, Math.abs(x));
        return (Math.abs(t - y) + (2 * piece.length + 4) * 2 * U * (magnitude + Math.abs(y))) * (1 + 8 * U);
    }

    /** The network's exact output at breakpoint k. */
    Dyadic exactY(int k) {
        return exactOf(exactOrNull(k), y[k]);
    }

    /** The exact output at breakpoint k where it is not a double, else null (then it is {@code y[k]}). */
    private Dyadic exactOrNull(int k) {
        ExactEvaluator.Values v = values[k];
        if (v.isDouble()) {
            return null;
        }
        return reluOut && v.signum(0) < 0 ? Dyadic.ZERO : v.dyadic(0);
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
        BigFraction e = Polynomial.hornerExact(p, cx).subtract(fy0.add(s.multiply(cx.subtract(fx0))));
        return new Bound(upperDouble(e.abs()), cx.doubleValue(), true);
    }

    /**
     * Degree ≥ 3. For a cubic P, e′ = P′ − s is quadratic: its roots c are located in closed form, e is
     * evaluated exactly at the double c, and the true critical point c* is enclosed in [c − ρ, c + ρ]
     * where e′ has opposite signs at the ends (checked through bounds on P″ and P‴), so
     * |e(c*)| ≤ |e(c)| + ½·max|P″|·ρ². Where that enclosure fails (a double or near-double root of e′,
     * where e″ vanishes) and for every higher degree, {@link PieceMaximum} bounds the piece by rigorous
     * subdivision instead, split first at the roots of e′ that {@link Polynomial#rootsInside(double[], double, double)} locates.
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
        double[] d1 = Polynomial.derivative(p);
        double[] q = d1.clone();
        q[0] -= s;
        if (p.length - 1 > 3 || nearDoubleRoot(q)) {
            return subdivided(p, x0, x1, fy0, fy1, e0, e1, Polynomial.rootsInside(q, x0, x1));
        }
        double[] d2 = Polynomial.derivative(d1);
        double[] d3 = Polynomial.derivative(d2);
        double scale = Math.max(Math.abs(x0), Math.abs(x1));
        double m2 = Polynomial.absBound(d2, scale);
        double m3 = Polynomial.absBound(d3, scale);
        Bound best = null;
        double[] roots = Polynomial.rootsInside(q, x0, x1);
        for (double c : roots) {
            Dyadic fc = Dyadic.of(c);
            Dyadic numerator = Dyadic.horner(p, fc).subtract(fy0).multiply(width).subtract(rise.multiply(fc.subtract(fx0)));
            double eAbs = Dyadic.upperQuotient(numerator, width);
            double ePrime = Math.abs(Polynomial.horner(d1, c) - s) + 8 * U * (Polynomial.absBound(d1, scale) + Math.abs(s));
            double curvature = Math.abs(Polynomial.horner(d2, c));
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
}
