package org.actlab.approx;

import org.actlab.ActlabException;
import org.actlab.network.Circuit;
import org.actlab.network.Circuit.Affine;
import org.actlab.network.Circuit.Node;
import org.actlab.network.Network;
import org.actlab.polynomial.Interval;

/**
 * Yarotsky's sawtooth approximation of x² on [0, 1] as a plain ReLU network of width 3, built on
 * {@link Circuit}; {@link #error} is the one statement of the sawtooth's error {@code 2^(−2m−2)} that
 * every square chain of actlab uses.
 *
 * <p>The tooth {@code g(t) = 2σ(t) − 4σ(t − ½)} (σ = ReLU; on [0, 1] the third neuron
 * {@code 2σ(t − 1)} of the textbook tooth is idle and omitted), {@code g_s} its s-fold composition,
 * and {@code f_m(x) = x − Σ_{s=1}^{m} g_s(x)/4^s} is exactly the piecewise-linear interpolant of x² at
 * the {@code 2^m + 1} dyadic points, so {@code 0 ≤ f_m − x² ≤ 2^(−2m−2)}, attained at every cell
 * midpoint. Re-centring subtracts {@code 2^(−2m−3)} from the output bias, which halves the error to
 * {@code 2^(−2m−3)} at no cost.
 *
 * <p>Layers: hidden layer 1 holds {@code σ(x)} (which is also the accumulator x) and
 * {@code σ(x − ½)}; hidden layer s (2 ≤ s ≤ m) holds {@code σ(g_{s−1})}, {@code σ(g_{s−1} − ½)} and
 * the accumulator {@code σ(x − Σ_{j<s} g_j/4^j)} (non-negative, since it is an interpolant of x²);
 * the output subtracts the last {@code g_m/4^m}. Parameters, all weights and biases: 7 for m = 1,
 * {@code 12m − 7} for m ≥ 2.
 */
public final class SawtoothSquare {
    /** The most levels built: 2^22 pieces is the most the certifier takes ({@link Certifier#MAX_POINTS}). */
    public static final int MAX_LEVELS = 22;

    private SawtoothSquare() {
    }

    /** The sup error of the m-level network on [0, 1]: {@code 2^(−2m−2)}, or {@code 2^(−2m−3)} re-centred. */
    public static double error(int m, boolean recentred) {
        return Math.scalb(1.0, -2 * m - (recentred ? 3 : 2));
    }

    /**
     * The dyadic frame {@code [a′, a′ + 2^k]} ⊇ [a, b] in which m levels are built: a′ is a rounded
     * down to a multiple of {@code 2^(k−m)} and k is the smallest with {@code a′ + 2^k ≥ b}.
     * Every kink {@code a′ + j·2^(k−m)} of the network is then a double and every weight is a power of
     * two, so the network is evaluated exactly and certified without rounding; the price is a frame
     * up to twice as wide as the interval. On [0, 1] the frame is [0, 1] itself.
     *
     * @return {@code {a′, 2^k}}
     */
    public static double[] frame(int m, double a, double b) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && a < b && Double.isFinite(b - a))) {
            throw new ActlabException("a value of the construction ranges over [" + a + ", " + b + "], which is not a finite "
                    + "interval of doubles: the target grows too large on this interval (use a smaller interval or a lower degree)");
        }
        for (int k = Math.getExponent(b - a); k <= Double.MAX_EXPONENT; k++) {
            double step = Math.scalb(1.0, k - m);
            if (step == 0) {
                continue;
            }
            double start = Math.floor(a / step) * step;
            if (start + Math.scalb(1.0, k) >= b) {
                return new double[] {start, Math.scalb(1.0, k)};
            }
        }
        throw new ActlabException("no dyadic frame of doubles holds [" + a + ", " + b + "] with " + m + " levels");
    }

    /** The sup error of the m-level network built for [a, b]: {@code W²·2^(−2m−2)} (half re-centred), W the frame width. */
    public static double error(int m, boolean recentred, double a, double b) {
        double w = frame(m, a, b)[1];
        return w * w * error(m, recentred);
    }

    /** The fewest levels whose error on [a, b] is at most {@code eps}. */
    public static int levelsFor(double eps, boolean recentred, double a, double b) {
        for (int m = 1; m <= MAX_LEVELS; m++) {
            if (error(m, recentred, a, b) <= eps) {
                return m;
            }
        }
        throw new ActlabException("ε = " + eps + " needs more than " + MAX_LEVELS + " sawtooth levels on [" + a + ", " + b
                + "] (the smallest reachable error is " + error(MAX_LEVELS, recentred, a, b) + ")");
    }

    /** The m-level network for x² on [a, b] with its designed error and its description. */
    public static Construction construction(int m, boolean recentred, double a, double b) {
        double[] frame = frame(m, a, b);
        return new Construction(network(m, recentred, a, b), error(m, recentred, a, b), m + " sawtooth levels (width 3) on the "
                + "dyadic frame [" + frame[0] + ", " + (frame[0] + frame[1]) + "]"
                + (recentred ? ", output re-centred by half the interpolation error" : ""));
    }

    /** The m-level network approximating x² on [0, 1]. */
    public static Network network(int m, boolean recentred) {
        return network(m, recentred, 0, 1);
    }

    /**
     * The m-level network approximating x² on [a, b], built on the dyadic {@link #frame}
     * {@code [a′, a′ + W]}: with {@code t = (x − a′)/W ∈ [0, 1]}, {@code x² = W²·(t² + βt) + a′²} where
     * {@code β = 2a′/W}; the accumulator carries {@code f_s(t) + βt + K} with {@code K = max(0, −β)},
     * non-negative because {@code f_s(t) ≥ 0} and {@code βt ≥ −K}, and the output removes K and
     * scales. Error {@code W²·2^(−2m−2)} (half that re-centred).
     */
    public static Network network(int m, boolean recentred, double a, double b) {
        if (m < 1 || m > MAX_LEVELS) {
            throw new ActlabException("sawtooth levels must be from 1 to " + MAX_LEVELS + ", got " + m);
        }
        Interval.of(a, b);   // finite ends with a < b
        double[] frame = frame(m, a, b);
        double a0 = frame[0];
        double w = frame[1];
        double beta = 2 * a0 / w;
        double k = Math.max(0, -beta);
        double scale = w * w;
        double shift = recentred ? -scale * error(m, false) / 2 : 0.0;
        Circuit c = new Circuit(1);
        Affine t = c.input(0).times(1 / w);
        // hidden layer 1: u1 = σ(t), u2 = σ(t − ½), t = (x − a′)/W
        Sawtooth.Teeth teeth = Sawtooth.teeth(c, t.plus(-a0 / w));
        Node u1 = teeth.up();
        Node u2 = teeth.down();
        if (m == 1) {
            // x² ≈ scale·(t − g_1/4 + βt) + a′², with t − g_1/4 = u1/2 + u2
            return c.compile(Affine.term(scale * (0.5 + beta), u1).plus(Affine.term(scale, u2)).plus(a0 * a0 + shift),
                    true, Long.MAX_VALUE);
        }
        // hidden layer 2: g_1 = 2u1 − 4u2; accumulator t − g_1/4 + βt = (½ + β)u1 + u2, carried with the offset K
        Affine pending = Affine.term(0.5 + beta, u1).plus(Affine.term(1, u2));
        // each layer holds its two tooth units first, then the accumulator (creation order is layer order)
        teeth = Sawtooth.teeth(c, teeth.tooth());
        Affine acc = Sawtooth.carry(c, pending, k);
        for (int s = 2; s < m; s++) {
            pending = teeth.tooth().times(-Math.scalb(1.0, -2 * s)).plus(acc);
            teeth = Sawtooth.teeth(c, teeth.tooth());
            acc = Sawtooth.carry(c, pending, k);
        }
        Affine sum = teeth.tooth().times(-Math.scalb(1.0, -2 * m)).plus(acc);
        return c.compile(sum.times(scale).plus(a0 * a0 + shift), true, Long.MAX_VALUE);
    }
}
