package org.actlab.sobolev;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.actlab.approx.Sweep;

/**
 * The default set of the Sobolev experiments and each case's ε range: two decades or more of error
 * at sizes that build and sample in seconds on 2 cores.
 */
public final class SobolevDefaults {
    /** {d, n} of the default set. */
    public static final List<int[]> CASES = List.of(new int[] {1, 2}, new int[] {1, 3}, new int[] {1, 4},
            new int[] {2, 2}, new int[] {2, 3});

    private SobolevDefaults() {
    }

    /**
     * {from, to} for the case: small enough ε that the grid is fine (N ≳ 20), where the parameter
     * count is dominated by its leading term N^d and the fitted slope shows the rate rather than the
     * construction's constant overhead; three decades of ε.
     */
    public static double[] epsRange(int d, int n) {
        if (d == 1) {
            return switch (n) {
                case 1 -> new double[] {1e-2, 1e-4};
                case 2 -> new double[] {1e-4, 1e-7};
                case 3 -> new double[] {1e-5, 1e-8};
                default -> new double[] {1e-7, 1e-10};
            };
        }
        if (d == 2) {
            return switch (n) {
                case 1 -> new double[] {1e-1, 1e-2};
                case 2 -> new double[] {1e-1, 3e-4};
                case 3 -> new double[] {1e-2, 3e-5};
                default -> new double[] {1e-3, 1e-6};
            };
        }
        return new double[] {1e-1, n <= 2 ? 1e-2 : 1e-3};
    }

    /** The ε of the default set per decade of {@link #epsRange}. */
    public static final int PER_DECADE = 2;

    /** The case's ε values: {@link #epsRange}, {@link #PER_DECADE} per decade. */
    public static double[] eps(int d, int n) {
        return eps(d, n, PER_DECADE);
    }

    /** The case's ε values: {@link #epsRange}, {@code perDecade} per decade. */
    public static double[] eps(int d, int n, int perDecade) {
        double[] range = epsRange(d, n);
        return Sweep.decades(range[0], range[1], perDecade);
    }

    /**
     * The default set with the ridge function, two ε per decade, as {@code actlab sobolev} runs it
     * (what {@code polycom.theorem3} measures; the report's figure draws from that claim's evidence).
     */
    public static List<RateExperiment.Result> run(Consumer<String> progress) {
        return run(PER_DECADE, PER_DECADE, progress);
    }

    /** The default set with {@code perDecade1} ε per decade for d = 1 and {@code perDecade2} for d = 2. */
    public static List<RateExperiment.Result> run(int perDecade1, int perDecade2, Consumer<String> progress) {
        List<RateExperiment.Result> out = new ArrayList<>();
        for (int[] c : CASES) {
            out.add(RateExperiment.run(SobolevFunction.builtIn("ridge", c[0], c[1]), eps(c[0], c[1], c[0] == 1 ? perDecade1 : perDecade2),
                    progress));
        }
        return List.copyOf(out);
    }
}
