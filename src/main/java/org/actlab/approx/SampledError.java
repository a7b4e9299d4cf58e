package org.actlab.approx;

import java.util.Arrays;

import org.actlab.network.LayerActivation;
import org.actlab.network.Network;
import org.actlab.network.SparseNetwork;
import org.actlab.polynomial.Polynomial;
import org.actlab.polynomial.Rationals;
import org.actlab.polynomial.Target;
import org.hipparchus.fraction.BigFraction;

/** The sampled error of a certificate: float64 over many points, exact at the worst of them. */
final class SampledError {
    private SampledError() {
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
    static double[] sampledErrors(Network net, ExactEvaluator ev, Target target, double a, double b, int n,
                                          double[] xs, PieceMaxima outputs, Micro[] micros) {
        double[] errors = new double[n];
        double worstFloat = 0;
        // the sparse evaluation is the dense one's doubles (terms it skips are exact zeros there), without an array per
        // layer and point
        SparseNetwork.Evaluator evaluator = new SparseNetwork(net).evaluator();
        double[] in = new double[1];
        for (int i = 0; i < n; i++) {
            double x = samplePoint(a, b, i, n);
            in[0] = x;
            errors[i] = Math.abs(target.value(x) - evaluator.evaluate(in));
            worstFloat = Math.max(worstFloat, errors[i]);
        }
        boolean reluOut = net.layers().get(net.depth() - 1).activation() instanceof LayerActivation.Relu;
        BigFraction worstExact = BigFraction.ZERO;
        for (int index : largest(errors, Math.min(EXACT_SAMPLES, n))) {
            double x = samplePoint(a, b, index, n);
            BigFraction fx = Rationals.of(x);
            BigFraction yx;
            int right = Arrays.binarySearch(xs, x);
            if (right >= 0) {
                yx = outputs.exactY(right).toFraction();
            } else {
                int hi = -right - 1;
                int lo = hi - 1;
                if (micros[lo] != null) {
                    ExactEvaluator.Values v = ev.preActivations(x, net.depth() - 1);
                    yx = reluOut && v.signum(0) < 0 ? BigFraction.ZERO : v.fraction(0);
                } else {
                    // the network is linear between consecutive certified breakpoints
                    BigFraction y0 = outputs.exactY(lo).toFraction();
                    BigFraction y1 = outputs.exactY(hi).toFraction();
                    BigFraction x0 = Rationals.of(xs[lo]);
                    yx = y0.add(y1.subtract(y0).multiply(fx.subtract(x0)).divide(Rationals.of(xs[hi]).subtract(x0)));
                }
            }
            BigFraction e = Polynomial.hornerExact(target.pieceAt(x), fx).subtract(yx).abs();
            if (e.compareTo(worstExact) > 0) {
                worstExact = e;
            }
        }
        return new double[] {worstExact.doubleValue(), worstFloat};
    }

    /**
     * The indices of the k largest values, ties broken by the lower index (the first k of a stable sort by value,
     * descending), found from the k-th largest value instead of sorting every index.
     */
    static int[] largest(double[] v, int k) {
        if (k == 0) {
            return new int[0];
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double kth = sorted[sorted.length - k];
        int[] out = new int[k];
        int m = 0;
        for (int i = 0; i < v.length && m < k; i++) {
            if (v[i] > kth) {
                out[m++] = i;
            }
        }
        for (int i = 0; i < v.length && m < k; i++) {
            if (v[i] == kth) {
                out[m++] = i;
            }
        }
        return out;
    }
}
