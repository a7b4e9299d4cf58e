package org.actlab.approx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.actlab.ActlabException;
import org.actlab.network.Network;
import org.actlab.polynomial.Target;

/** Runs constructions over a range of target errors. */
public final class Sweep {
    private Sweep() {
    }

    /** The most ε values of one range. */
    public static final int MAX_VALUES = 400;
    /** The smallest ε of a range (below it doubles lose precision: subnormal numbers). */
    public static final double MIN_EPS = 1e-300;

    /**
     * The errors {@code from·10^(−k/perDecade)} for k = 0, 1, … down to {@code to} (inclusive up to
     * rounding), e.g. 1e-1:1e-12 with one per decade gives 12 values; at most {@link #MAX_VALUES}
     * values, none below {@link #MIN_EPS}.
     */
    public static double[] decades(double from, double to, int perDecade) {
        if (!(from > to) || !(to > 0) || !Double.isFinite(from)) {
            throw new ActlabException("the ε range must run from a larger to a smaller positive number, e.g. 1e-1:1e-12");
        }
        if (to < MIN_EPS) {
            throw new ActlabException("the ε range ends at " + org.actlab.io.Numbers.format(to) + ", below the smallest ε, "
                    + org.actlab.io.Numbers.format(MIN_EPS));
        }
        if (perDecade < 1 || perDecade > 20) {
            throw new ActlabException("points per decade must be from 1 to 20, got " + perDecade);
        }
        double count = Math.floor((Math.log10(from) - Math.log10(to)) * perDecade + 1e-9) + 1;
        if (!(count <= MAX_VALUES)) {
            throw new ActlabException("the ε range " + org.actlab.io.Numbers.format(from) + ":" + org.actlab.io.Numbers.format(to)
                    + " at " + perDecade + " per decade has " + (long) Math.min(count, 1e18) + " values; at most " + MAX_VALUES);
        }
        int n = (int) count;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            // whole decades scaled in decimal, so 1e-1 gives exactly the doubles nearest 1e-2, 1e-3, …
            out[k] = k % perDecade == 0
                    ? new java.math.BigDecimal(org.actlab.io.Numbers.format(from)).scaleByPowerOfTen(-k / perDecade).doubleValue()
                    : from * Math.pow(10, -(double) k / perDecade);
        }
        return out;
    }

    /**
     * Every method at every ε; combinations that cannot be built (a method not available for the
     * target, ε beyond the size limits) are reported through {@code skipped} and left out.
     */
    public static List<SweepPoint> run(Target target, double a, double b, double[] eps, List<Approximations.Method> methods,
                                       Consumer<String> progress, Consumer<String> skipped) {
        List<SweepPoint> points = new ArrayList<>();
        for (Approximations.Method m : methods) {
            for (double e : eps) {
                progress.accept(m.key() + " at ε = " + e);
                try {
                    Approximation ap = Approximations.build(target, a, b, e, m);
                    Network n = ap.network();
                    points.add(new SweepPoint(target.name(), a, b, m.key(), e, n.parameterCount(Network.Count.ALL),
                            n.parameterCount(Network.Count.NONZERO), n.depth(), n.width(),
                            ap.certificate().certifiedError(), ap.certificate().sampledError()));
                } catch (ActlabException ex) {
                    skipped.accept(m.key() + " at ε = " + e + ": " + ex.getMessage());
                }
            }
        }
        return points;
    }

    /**
     * Least-squares slope of parameters against log10(1/ε) for one method's points: the parameters
     * added per decade of accuracy (NaN with fewer than two points).
     */
    public static double parametersPerDecade(List<SweepPoint> points, String method) {
        List<SweepPoint> pts = points.stream().filter(p -> p.method().equals(method)).toList();
        if (pts.size() < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (SweepPoint p : pts) {
            mx += Math.log10(1 / p.certifiedError());
            my += p.parameters();
        }
        mx /= pts.size();
        my /= pts.size();
        double sxy = 0;
        double sxx = 0;
        for (SweepPoint p : pts) {
            double dx = Math.log10(1 / p.certifiedError()) - mx;
            sxy += dx * (p.parameters() - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    /**
     * Lemma 2's size shape {@code c·ln²(1/ε)} through a point {@code (ε₀, P₀)}: {@code c = P₀/ln²(1/ε₀)},
     * drawn over the errors {@code [fromError, toError]} of a sweep.
     *
     * @param c         the constant
     * @param fromError the smallest certified error of the sweep
     * @param toError   the largest
     */
    public record BoundShape(double c, double fromError, double toError) {
        /** c·ln²(1/ε). */
        public double parametersAt(double eps) {
            double l = Math.log(1 / eps);
            return c * l * l;
        }
    }

    /**
     * The shape of Lemma 2's bound through the last point of {@code method} (the smallest ε), over the
     * range of every point's certified error; null when the method has no point.
     */
    public static BoundShape boundShape(List<SweepPoint> points, String method) {
        List<SweepPoint> pts = points.stream().filter(p -> p.method().equals(method)).toList();
        if (pts.isEmpty()) {
            return null;
        }
        SweepPoint anchor = pts.get(pts.size() - 1);
        double lnAnchor = Math.log(1 / anchor.certifiedError());
        double c = anchor.parameters() / (lnAnchor * lnAnchor);
        double lo = points.stream().mapToDouble(SweepPoint::certifiedError).min().orElseThrow();
        double hi = points.stream().mapToDouble(SweepPoint::certifiedError).max().orElseThrow();
        return new BoundShape(c, lo, hi);
    }
}
