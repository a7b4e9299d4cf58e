package org.actlab.approx;

import org.actlab.ActlabException;
import org.actlab.network.Layer;
import org.actlab.network.Network;
import org.actlab.polynomial.Interval;
import org.actlab.polynomial.Target;

/**
 * Exact sup-error certification of a one-input ReLU network against a piecewise-polynomial target,
 * as a configured object (Hipparchus style): make one with the samples and parallelism you want and
 * call {@link #certify}. The work is two halves, each its own class:
 * <ol>
 *   <li>a {@link BreakpointSweep} finds every breakpoint with the network's exact values there
 *       ({@link LayerPassSweep} for any depth, {@link ShallowSweep} for one hidden layer);</li>
 *   <li>{@link PieceMaxima} bounds {@code |T − ℓ|} on each linear piece between them, exactly where
 *       it can; {@link SampledError} and {@link RoundingBounds} add the sampled error and the float64
 *       bound.</li>
 * </ol>
 * Every weight, bias and point is a double, hence a dyadic rational; the network is evaluated over
 * the rationals ({@link CheckedArithmetic} proves a double computation exact, otherwise exact dyadic
 * arithmetic takes over, in 128-bit fixed point ({@link WideAffine}) while the values fit).
 */
public final class Certifier {
    /** Default number of samples for the sampled error. */
    public static final int DEFAULT_SAMPLES = 100_003;
    /** The largest number of linear pieces certified. */
    public static final int MAX_POINTS = BreakpointSweep.MAX_POINTS;
    private static final double U = Math.ulp(1.0) / 2;
    private static final Certifier STANDARD = new Certifier(0, true);

    /** Samples for the sampled error; 0: {@link #defaultSamples} of the network. */
    private final int samples;
    private final boolean parallel;

    private Certifier(int samples, boolean parallel) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be ≥ 1, got " + samples);
        }
        this.samples = samples;
        this.parallel = parallel;
    }

    /** The certifier with {@link #defaultSamples} samples per network, parallel on large grids. */
    public static Certifier standard() {
        return STANDARD;
    }

    /** This certifier with {@code samples} samples for the sampled error (at least 1). */
    public Certifier withSamples(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be ≥ 1, got " + samples);
        }
        return new Certifier(samples, parallel);
    }

    /** This certifier with the layer pass on one thread (the result is the same point for point). */
    public Certifier sequential() {
        return new Certifier(samples, false);
    }

    /** The samples this certifier takes for {@code net}. */
    public int samplesFor(Network net) {
        return samples > 0 ? samples : defaultSamples(net);
    }

    /**
     * {@value #DEFAULT_SAMPLES} samples, fewer for very large networks so that float64 sampling
     * costs at most about 2·10⁸ multiply-adds (at least 1000 samples).
     */
    public static int defaultSamples(Network net) {
        long params = Math.max(1, net.parameterCount(Network.Count.ALL));
        return (int) Math.max(1000, Math.min(DEFAULT_SAMPLES, 200_000_000L / params));
    }

    /**
     * The breakpoint sweep for {@code net}: {@link ShallowSweep} for one hidden ReLU layer with an
     * identity output, else {@link LayerPassSweep} (on all cores once the grid is large, unless
     * {@link #sequential}; the result is the same point for point).
     */
    private BreakpointSweep sweepFor(Network net) {
        return ShallowSweep.applies(net) ? new ShallowSweep() : new LayerPassSweep(parallel);
    }

    /** Certifies {@code net} against {@code target} on {@code [a, b]} (checked by {@link Interval}). */
    public Certificate certify(Network net, Target target, double a, double b) {
        return certify(net, target, new Interval(a, b));
    }

    /** Certifies {@code net} against {@code target} on {@code on}. */
    public Certificate certify(Network net, Target target, Interval on) {
        double a = on.a();
        double b = on.b();
        checkMagnitudes(net, a, b);
        ExactEvaluator ev = new ExactEvaluator(net);
        BreakpointSweep.Breakpoints sweep = sweepFor(net).sweep(net, ev, target, on);
        int samples = samplesFor(net);
        double[] xs = sweep.grid().xs();
        PieceMaxima maxima = new PieceMaxima(net, target, sweep.grid());
        double[] sampled = SampledError.sampledErrors(net, ev, target, a, b, samples, xs, maxima,
                sweep.grid().micros());
        String method = sweep.method() + "; "
                + (target.degree() <= 2 ? "maxima per piece exact (degree ≤ 2)"
                        : "maxima per piece at double-located critical points, exact there, plus a rigorous Taylor remainder")
                + (maxima.microCount > 0 ? "; " + maxima.microCount + " one-ulp pieces around kinks that are not doubles, bounded by local slope intervals" : "");
        double float64Bound = (maxima.best + RoundingBounds.networkRounding(net, sweep.maxAbs(), a, b) + RoundingBounds.targetRounding(target, a, b)) * (1 + 4 * U);
        return new Certificate(target, a, b, maxima.best, maxima.argmax, sampled[0], sampled[1], samples, xs.length - 1,
                maxima.microCount, ev.exactFallbacks, maxima.bestExact, method, float64Bound);
    }

    /** The largest value any unit may reach on the interval (so that every double evaluation stays finite). */
    static final double MAX_MAGNITUDE = 1e150;

    /**
     * Refuses a network whose units can exceed {@link #MAX_MAGNITUDE} in size on [a, b], bounded before
     * any work by |W| row sums layer by layer ({@code m_i = Σ_j |w_ij| m_j + |b_i|}, m₀ = max(|a|, |b|)):
     * weights near 1e308 would make float64 sampling overflow and the exact values thousands of bits long.
     */
    private static void checkMagnitudes(Network net, double a, double b) {
        double[] m = {Math.max(Math.abs(a), Math.abs(b))};
        for (int l = 0; l < net.depth(); l++) {
            Layer layer = net.layers().get(l);
            double[] next = new double[layer.outputs()];
            for (int i = 0; i < next.length; i++) {
                double s = Math.abs(layer.bias()[i]);
                double[] row = layer.weights()[i];
                for (int j = 0; j < row.length; j++) {
                    s += Math.abs(row[j]) * m[j];
                }
                if (!(s <= MAX_MAGNITUDE)) {
                    throw new ActlabException("layer " + (l + 1) + ", unit " + (i + 1) + " of the network can reach "
                            + (Double.isFinite(s) ? org.actlab.io.Numbers.format(s) : "beyond 1.8e308") + " in size on ["
                            + a + ", " + b + "] (bounded by |W| row sums); certification takes networks whose units stay below "
                            + MAX_MAGNITUDE);
                }
                next[i] = s;
            }
            m = next;
        }
    }
}
