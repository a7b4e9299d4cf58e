package org.actlab.approx;

import java.util.List;

import org.actlab.ActlabException;
import org.actlab.network.Circuit;
import org.actlab.network.Circuit.Affine;
import org.actlab.network.Network;

/**
 * The product {@code xy} on {@code [−B, B]²} as a two-input ReLU network:
 * {@code xy = s² − d²} with {@code s = (x + y)/2}, {@code d = (x − y)/2} ∈ [−B, B], each square a
 * signed sawtooth chain on {@code |z|} over the frame {@code [0, W]}, W the smallest power of two
 * ≥ B, both feeding one accumulator. Each square errs in {@code [0, W²·2^(−2m−2)]}, so the product
 * errs in {@code [−δ_d, δ_s]}; the output is re-centred on it, leaving {@code (δ_s + δ_d)/2}. All
 * weights are powers of two, so the bound holds exactly for the stored network.
 */
public final class ProductNetwork {
    private ProductNetwork() {
    }

    /**
     * The result.
     *
     * @param construction the network (inputs x, y), its bound {@code (δ_s + δ_d)/2} (exact for the stored
     *                     network: every weight is a power of two) and the construction in words
     * @param sampledError max |xy − net| over a 401 × 401 grid of the square (float64)
     */
    public record Result(Construction construction, double sampledError) {
        /** The network. */
        public Network network() {
            return construction.network();
        }

        /** The bound from the construction. */
        public double bound() {
            return construction.errorBudget();
        }

        /** The construction in words. */
        public String description() {
            return construction.description();
        }
    }

    /** The cheapest (dense parameters) product network on [−B, B]² with error ≤ eps. */
    public static Result build(double b, double eps) {
        if (!(b > 0) || !Double.isFinite(b)) {
            throw new ActlabException("the product needs a symmetric interval −B,B with B > 0, got B = " + b);
        }
        if (!(eps > 0) || eps >= b * b) {
            throw new ActlabException("ε must be in (0, B²) = (0, " + b * b + "), got " + eps);
        }
        double w = Math.scalb(1.0, Math.getExponent(b) + (Math.scalb(1.0, Math.getExponent(b)) < b ? 1 : 0));
        Network best = null;
        double bestBound = 0;
        int[] bestLevels = null;
        for (int ms = 1; ms <= SawtoothSquare.MAX_LEVELS; ms++) {
            for (int md = 1; md <= SawtoothSquare.MAX_LEVELS; md++) {
                double ds = w * w * SawtoothSquare.error(ms, false);
                double dd = w * w * SawtoothSquare.error(md, false);
                double bound = 0.5 * (ds + dd);
                if (bound > eps) {
                    continue;
                }
                Network net = network(w, ms, md, 0.5 * (ds - dd));
                if (best == null || net.parameterCount(Network.Count.ALL) < best.parameterCount(Network.Count.ALL)) {
                    best = net;
                    bestBound = bound;
                    bestLevels = new int[] {ms, md};
                }
            }
        }
        if (best == null) {
            throw new ActlabException("ε = " + eps + " needs more than " + SawtoothSquare.MAX_LEVELS + " levels per square");
        }
        double sampled = 0;
        int n = 401;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = -b + 2 * b * (i + 0.5 * (Math.sqrt(5) - 1)) / n;
                double y = -b + 2 * b * (j + (Math.sqrt(2) - 1)) / n;
                sampled = Math.max(sampled, Math.abs(x * y - best.evaluate(new double[] {x, y})[0]));
            }
        }
        return new Result(new Construction(best, bestBound, "xy = ((x+y)/2)² − ((x−y)/2)², signed sawtooth chains of "
                + bestLevels[0] + " and " + bestLevels[1] + " levels on [0, " + w + "], one accumulator, output re-centred"), sampled);
    }

    private static Network network(double w, int ms, int md, double mid) {
        Circuit plan = new Circuit(2);
        SquareChain s = new SquareChain(0, w, ms, 1);
        SquareChain d = new SquareChain(0, w, md, -1);
        s.startSigned(plan, plan.input(0).times(0.5).plus(plan.input(1).times(0.5)));
        d.startSigned(plan, plan.input(0).times(0.5).plus(plan.input(1).times(-0.5)));
        Affine pending = s.levelOneContribution().plus(d.levelOneContribution());
        SquareChain.Block block = SquareChain.advance(plan, List.of(s, d), pending, SquareChain.offset(0, List.of(s, d)),
                null, false);
        return plan.compile(block.output().plus(-mid), true, Long.MAX_VALUE);
    }
}
