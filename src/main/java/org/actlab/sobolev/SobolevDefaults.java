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

    private static List<RateExperiment.Result> full;
    private static List<RateExperiment.Result> quickSet;

    /**
     * The default set with the ridge function, two ε per decade (as {@code actlab sobolev} runs it);
     * {@code quick}: d = 1 and d = 2 with n = 2 only, one ε per decade over a short range. Computed once
     * per process (the numbers are deterministic), so the report's claim and figure share one run.
     */
    public static synchronized List<RateExperiment.Result> run(boolean quick, Consumer<String> progress) {
        List<RateExperiment.Result> cached = quick ? quickSet : full;
        if (cached != null) {
            return cached;
        }
        List<RateExperiment.Result> out = new ArrayList<>();
        List<int[]> cases = quick ? List.of(new int[] {1, 2}, new int[] {2, 2}) : CASES;
        for (int[] c : cases) {
            double[] range = quick ? (c[0] == 1 ? new double[] {1e-3, 1e-5} : new double[] {1e-1, 1e-2}) : epsRange(c[0], c[1]);
            out.add(RateExperiment.run(SobolevFunction.builtIn("ridge", c[0], c[1]),
                    Sweep.decades(range[0], range[1], quick ? 1 : 2), progress));
        }
        out = List.copyOf(out);
        if (quick) {
            quickSet = out;
        } else {
            full = out;
        }
        return out;
    }
}
