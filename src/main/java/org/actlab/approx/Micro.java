package org.actlab.approx;

/**
 * A one-ulp piece {@code [x0, x1]} ({@code x1} the double after {@code x0}) that contains a kink at
 * a point no double represents. The network is not linear on it, so the certifier bounds it through
 * a bound S on the network's |slope| there: {@code |e| ≤ max(|e(x0)|, |e(x1)|) + (S + max|T′|)·(x1 − x0)}.
 *
 * <p>S is found without extra evaluations: when the piece appears (at layer l), no kink of an
 * earlier layer lies inside, so layer l's pre-activations are linear there with slopes equal to the
 * exact difference quotients of their values at the two ends; from then on the slope intervals are
 * carried through each layer along with the certifier's layer-by-layer pass, which has the exact
 * values at both ends anyway. A unit whose pre-activation keeps one sign at both ends, by more
 * than its largest slope times the width, is linear (or zero) throughout; any other takes the hull
 * of its slope interval and 0.
 */
final class Micro {
    private static final double U = Math.ulp(1.0) / 2;
    final double x0;
    final double x1;
    /** Slope intervals of the current layer's pre-activations (null once {@link #slopeBound} is set). */
    private double[] lo;
    private double[] hi;
    private double slopeBound = Double.NaN;

    private Micro(double x0, double x1) {
        this.x0 = x0;
        this.x1 = x1;
    }

    /** A piece whose output slope bound is known directly (one-hidden-layer networks). */
    static Micro withSlopeBound(double x0, double x1, double bound) {
        Micro m = new Micro(x0, x1);
        m.slopeBound = bound;
        return m;
    }

    /** A piece found at some layer: slopes from the exact values {@code v0, v1} of its pre-activations. */
    static Micro fromEnds(double x0, double x1, ExactEvaluator.Values v0, ExactEvaluator.Values v1) {
        Micro m = new Micro(x0, x1);
        double width = x1 - x0;
        int n = v0.size();
        m.lo = new double[n];
        m.hi = new double[n];
        WideAffine.Wide w0 = v0.asWide();
        WideAffine.Wide w1 = v1.asWide();
        for (int j = 0; j < n; j++) {
            // the exact difference, rounded once: in fixed width where both ends fit, else in dyadics
            double dz = w0 != null && w1 != null ? WideLine.differenceApprox(w1, w0, j) : Double.NaN;
            if (Double.isNaN(dz)) {
                dz = v1.dyadic(j).subtract(v0.dyadic(j)).approx();
            }
            double s = dz / width;
            double margin = 8 * U * Math.abs(s) + Double.MIN_NORMAL;
            m.lo[j] = s - margin;
            m.hi[j] = s + margin;
        }
        return m;
    }

    /**
     * Carries the slope intervals through the ReLU (or identity) of the current layer, whose exact
     * pre-activations at the two ends are {@code v0, v1}, and then, if {@code next} is not null,
     * through the next layer's weights.
     */
    void advance(boolean relu, ExactEvaluator.Values v0, ExactEvaluator.Values v1, double[][] next) {
        double width = x1 - x0;
        if (relu) {
            for (int j = 0; j < lo.length; j++) {
                int s0 = v0.signum(j);
                int s1 = v1.signum(j);
                double reach = Math.max(Math.abs(lo[j]), Math.abs(hi[j])) * width * (1 + 1e-9);
                double clearance = Math.min(Math.abs(v0.approx(j)), Math.abs(v1.approx(j))) * (1 - 1e-12);
                boolean definite = s0 == s1 && s0 != 0 && clearance > reach;
                if (definite && s0 < 0) {
                    lo[j] = 0;
                    hi[j] = 0;
                } else if (!definite) {
                    lo[j] = Math.min(lo[j], 0);
                    hi[j] = Math.max(hi[j], 0);
                }
            }
        }
        if (next == null) {
            slopeBound = 0;
            for (int j = 0; j < lo.length; j++) {
                slopeBound = Math.max(slopeBound, Math.max(Math.abs(lo[j]), Math.abs(hi[j])));
            }
            lo = null;
            hi = null;
            return;
        }
        double[] nlo = new double[next.length];
        double[] nhi = new double[next.length];
        for (int i = 0; i < next.length; i++) {
            double a = 0;
            double c = 0;
            for (int j = 0; j < lo.length; j++) {
                double w = next[i][j];
                a += w >= 0 ? w * lo[j] : w * hi[j];
                c += w >= 0 ? w * hi[j] : w * lo[j];
            }
            double m = 64 * U * (Math.abs(a) + Math.abs(c)) + Double.MIN_NORMAL;
            nlo[i] = a - m;
            nhi[i] = c + m;
        }
        lo = nlo;
        hi = nhi;
    }

    /** Whether the slope intervals still follow the layers (not yet reduced to a bound). */
    boolean open() {
        return lo != null;
    }

    /** A bound on the network's |slope| on the piece (after the last layer). */
    double slopeBound() {
        return slopeBound;
    }
}
