package org.actlab.approx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.actlab.ActlabException;
import org.actlab.network.Circuit;
import org.actlab.network.Circuit.Affine;
import org.actlab.network.Network;
import org.actlab.polynomial.Polynomial;
import org.actlab.polynomial.Target;
import org.hipparchus.analysis.polynomials.PolynomialFunction;

/**
 * Deep ReLU networks for targets {@code T(x) = Q(v)}, {@code v = σ(x − c) ∈ [0, W]}, Q a polynomial of
 * degree d: x^k and polynomials on any interval (c = a), ReLU(x)^k and PolyReLU (c = max(a, 0)).
 *
 * <p><b>Horner with shared squares.</b> {@code y_1 = q_d v + q_{d−1}},
 * {@code y_2 = q_{d−2} + q_{d−1} v + q_d v²} takes one sawtooth square chain on v, and every further
 * step {@code y_{k+1} = q_{d−k−1} + v·y_k} is a product taken as
 * {@code v·y = ((v + λy)² − (v − λy)²)/(4λ)} with two square chains run side by side (λ a power of
 * two). All chains of a step subtract their tooth terms {@code W_f²·g_s/4^s} into <em>one merged
 * accumulator</em>; v is carried by one neuron while later steps need it. Each chain works on a
 * dyadic {@link SawtoothSquare#frame} of the range its argument can take (true range widened by the
 * error carried so far), so weights are powers of two wherever the target's coefficients allow.
 *
 * <p><b>Errors as intervals.</b> A chain's square errs one-sidedly in {@code [0, W_f²·2^(−2m−2)]}; the
 * interval of the final error follows exactly ({@code E_{k+1} = [0, W]·E_k + Σ ±[0, δ]/(4λ)}), and
 * the output bias is re-centred on it, so the design error is its half-width. Levels and λ are
 * chosen by coordinate descent on the real dense parameter count.
 */
final class PolynomialNetwork {
    private static final double[] LAMBDAS = {0.125, 0.25, 0.5, 1, 2, 4, 8};

    /** The problem: Q (ascending) on v = σ(x − c) ∈ [0, W]. */
    record Problem(double[] q, double c, double w) {
        int degree() {
            int d = q.length - 1;
            while (d > 0 && q[d] == 0) {
                d--;
            }
            return d;
        }
    }

    /** A design: levels per chain (block 1 first, then ± per product step) and λ per product step. */
    record Design(int[] levels, int[] lambdaIndex, boolean recentre) {
        Design with(int[] newLevels, int[] newLambda) {
            return new Design(newLevels, newLambda, recentre);
        }
    }

    private PolynomialNetwork() {
    }

    /** The problem for a target on [a, b]. */
    static Problem problem(Target t, double a, double b) {
        boolean relu = t.hasBreakpointAtZero();
        double c = relu ? Math.max(a, 0) : a;
        double[] p = relu ? t.right() : t.left();
        if (relu && b <= 0) {
            return new Problem(new double[] {Polynomial.horner(t.left(), 0)}, 0, 1);
        }
        // Q(v) = P(v + c): Taylor shift, q_j = Σ_{i≥j} p_i C(i, j) c^(i−j)
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double binom = 1;
            double power = 1;
            for (int j = i; j >= 0; j--) {
                q[j] += p[i] * binom * power;
                binom = binom * j / (i - j + 1);
                power *= c;
            }
        }
        return new Problem(q, c, b - c);
    }

    /** Number of square chains a degree-d problem needs: 1 + 2(d − 2). */
    static int chains(int d) {
        return d < 2 ? 0 : 1 + 2 * (d - 2);
    }

    /** Builds the network of a design. */
    static Construction build(Problem pr, Design design) {
        int d = pr.degree();
        double[] q = pr.q();
        Circuit plan = new Circuit(1);
        Affine x = plan.input(0);
        if (d < 2) {
            Circuit.Node v = plan.relu(x.plus(-pr.c()));
            Affine out = Affine.constant(q[0]).plus(Affine.term(d == 1 ? q[1] : 0, v));
            return new Construction(plan.compile(out, true, Long.MAX_VALUE), 0, d == 1 ? "one ReLU unit (the target is linear)" : "constant target");
        }
        double w = pr.w();
        StringBuilder desc = new StringBuilder();
        // block 1: the square of v
        int[] levels = design.levels();
        double[] frame1 = SawtoothSquare.frame(levels[0], 0, w);
        SquareChain first = new SquareChain(frame1[0], frame1[1], levels[0], q[d]);
        Affine input = x.plus(-pr.c());        // v over the input (v = σ(x − c))
        first.start(plan, input);
        Affine vForm = first.levelOneT().times(first.wf);         // v = W_f·t = W_f·u1 on layer 1
        Affine pending = Affine.constant(q[d - 2]).plus(vForm.times(q[d - 1])).plus(first.levelOneContribution());
        double k1 = SquareChain.offset(Math.abs(q[d - 2]) + Math.abs(q[d - 1]) * w, List.of(first));
        SquareChain.Block b1 = SquareChain.advance(plan, List.of(first), pending, k1, vForm, d > 2);
        desc.append("v² chain ").append(levels[0]).append(" levels");
        Interval error = Interval.of(0, first.maxError()).times(q[d]);
        // the pieces the certifier will meet: one per kink of v = σ(x − c) and of each chain (see crossings)
        // (and 2 for the kink of σ(x − c) itself, where the interval holds c)
        double pieces = 2 + crossings(new double[] {0, w}, first);
        PolynomialFunction y = new PolynomialFunction(new double[] {q[d - 2], q[d - 1], q[d]});
        Affine yForm = b1.output();
        vForm = b1.v();
        for (int step = 2; step < d; step++) {
            double lambda = LAMBDAS[design.lambdaIndex()[step - 2]];
            int mPlus = levels[1 + 2 * (step - 2)];
            int mMinus = levels[2 + 2 * (step - 2)];
            // the arguments v ± λy at v = 0, at their critical points and at v = W: their ranges set the frames,
            // their variation the kinks
            double[] plusValues = criticalValues(argument(y.getCoefficients(), lambda), w);
            double[] minusValues = criticalValues(argument(y.getCoefficients(), -lambda), w);
            double[] plusRange = range(plusValues, lambda, error);
            double[] minusRange = range(minusValues, -lambda, error);
            double[] fp = SawtoothSquare.frame(mPlus, plusRange[0], plusRange[1]);
            double[] fm = SawtoothSquare.frame(mMinus, minusRange[0], minusRange[1]);
            SquareChain plus = new SquareChain(fp[0], fp[1], mPlus, 1 / (4 * lambda));
            SquareChain minus = new SquareChain(fm[0], fm[1], mMinus, -1 / (4 * lambda));
            pieces += crossings(plusValues, plus) + crossings(minusValues, minus);
            plus.start(plan, vForm.plus(yForm.times(lambda)));
            minus.start(plan, vForm.plus(yForm.times(-lambda)));
            boolean more = step + 1 < d;
            Affine carried = null;
            if (more) {
                carried = Affine.term(1, plan.relu(vForm));
            }
            double coeff = q[d - step - 1];
            Affine p = Affine.constant(coeff).plus(plus.levelOneContribution()).plus(minus.levelOneContribution());
            SquareChain.Block blk = SquareChain.advance(plan, List.of(plus, minus), p, SquareChain.offset(Math.abs(coeff), List.of(plus, minus)), carried, more);
            yForm = blk.output();
            vForm = blk.v();
            error = error.timesRange(0, w).plus(Interval.of(0, plus.maxError()).times(plus.factor))
                    .plus(Interval.of(0, minus.maxError()).times(minus.factor));
            y = y.multiply(new PolynomialFunction(new double[] {0, 1})).add(new PolynomialFunction(new double[] {coeff}));
            desc.append("; product ").append(step - 1).append(": λ = ").append(lambda).append(", chains ")
                    .append(mPlus).append(" and ").append(mMinus).append(" levels");
        }
        double shift = design.recentre() ? -error.mid() : 0;
        double designed = design.recentre() ? error.halfWidth() : error.maxAbs();
        desc.append(design.recentre() ? "; output re-centred on the error interval" : "");
        if (d >= 3) {
            // what the count is made of, for readers comparing it with other constructions
            desc.append("; size: each level of a chain is a pair of tooth units, and a product runs its two chains side by"
                    + " side with the shared accumulator (and v while later steps need it), so product layers are 5-6 wide"
                    + " (30-42 parameters each) against 3 wide (12) for a lone square: the two chains per product set the count");
        }
        return new Construction(plan.compile(yForm.plus(shift), true, Long.MAX_VALUE), designed, desc.toString(),
                (long) Math.min(Long.MAX_VALUE / 2, Math.ceil(pieces)));
    }

    /** The coefficients of {@code v + s·y(v)}. */
    private static double[] argument(double[] y, double s) {
        double[] z = new double[Math.max(2, y.length)];
        for (int i = 0; i < y.length; i++) {
            z[i] = s * y[i];
        }
        z[1] += 1;
        return z;
    }

    /** z at 0, at its critical points inside (0, W) in ascending order, and at W. */
    private static double[] criticalValues(double[] z, double w) {
        double[] roots = Polynomial.rootsInside(Polynomial.derivative(z), 0, w);
        double[] values = new double[roots.length + 2];
        values[0] = Polynomial.horner(z, 0);
        for (int i = 0; i < roots.length; i++) {
            values[i + 1] = Polynomial.horner(z, roots[i]);
        }
        values[values.length - 1] = Polynomial.horner(z, w);
        return values;
    }

    /**
     * The kinks a chain adds: its m levels have a kink wherever its argument z(v) crosses a multiple of
     * {@code W_f/2^m} of its frame, so over v ∈ [0, W] about {@code TV(z)·2^m/W_f} of them, TV the total
     * variation of z (the sum of |Δz| between its {@link #criticalValues}). The prediction ignores the
     * chains' small errors in z, a few pieces per chain.
     */
    private static double crossings(double[] criticalValues, SquareChain chain) {
        double tv = 0;
        for (int i = 1; i < criticalValues.length; i++) {
            tv += Math.abs(criticalValues[i] - criticalValues[i - 1]);
        }
        return tv * Math.scalb(1.0, chain.levels) / chain.wf;
    }

    /**
     * The designed error of a design, or +∞ when its error bounds overflow (too few levels for a high
     * degree: every product compounds the error of the steps before it), which is then simply too coarse.
     */
    private static double designedError(Problem pr, Design d) {
        try {
            return build(pr, d).errorBudget();
        } catch (RangeOverflow e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** A value range of a design that is not a finite interval of doubles. */
    private static final class RangeOverflow extends ActlabException {
        private static final long serialVersionUID = 1L;

        RangeOverflow() {
            super("the error bounds of this design overflow");
        }
    }

    /**
     * The range of {@code z = v + s·y(v)} on [0, W] from its {@link #criticalValues}, widened by |s|·(the error
     * interval of y) and a hair.
     */
    private static double[] range(double[] criticalValues, double s, Interval error) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : criticalValues) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double slack = Math.abs(s) * error.maxAbs() + 1e-12 * (1 + Math.abs(lo) + Math.abs(hi));
        double[] r = {lo - slack, hi + slack};
        if (!(Double.isFinite(r[0]) && Double.isFinite(r[1]) && Double.isFinite(r[1] - r[0]))) {
            throw new RangeOverflow();
        }
        return r;
    }

    /** A closed interval of error values. */
    record Interval(double lo, double hi) {
        static Interval of(double lo, double hi) {
            return new Interval(lo, hi);
        }

        Interval times(double k) {
            return k >= 0 ? new Interval(lo * k, hi * k) : new Interval(hi * k, lo * k);
        }

        /** {v·e : v ∈ [a, b], e ∈ this}. */
        Interval timesRange(double a, double b) {
            double[] c = {a * lo, a * hi, b * lo, b * hi};
            return new Interval(Arrays.stream(c).min().orElseThrow(), Arrays.stream(c).max().orElseThrow());
        }

        Interval plus(Interval o) {
            return new Interval(lo + o.lo, hi + o.hi);
        }

        double mid() {
            return 0.5 * (lo + hi);
        }

        double halfWidth() {
            return 0.5 * (hi - lo);
        }

        double maxAbs() {
            return Math.max(Math.abs(lo), Math.abs(hi));
        }
    }

    /**
     * The cheapest design (dense parameters) whose designed error is at most {@code eps}: start
     * from the smallest uniform level count that meets it, then coordinate descent over single
     * and paired level changes and λ.
     */
    static Construction optimise(Problem pr, double eps, boolean recentre, boolean uniformOnly) {
        int n = chains(pr.degree());
        if (n == 0) {
            return build(pr, new Design(new int[0], new int[0], recentre));
        }
        int products = Math.max(0, pr.degree() - 2);
        int[] lambda = new int[products];
        Arrays.fill(lambda, 3); // λ = 1
        Design best = null;
        for (int m = 1; m <= SawtoothSquare.MAX_LEVELS; m++) {
            int[] levels = new int[n];
            Arrays.fill(levels, m);
            Design candidate = new Design(levels, lambda.clone(), recentre);
            if (designedError(pr, candidate) <= eps) {
                best = candidate;
                break;
            }
        }
        if (best == null) {
            throw new ActlabException("ε = " + eps + " needs more than " + SawtoothSquare.MAX_LEVELS
                    + " sawtooth levels per chain for this target (the certifier's limit of 2^22 pieces)");
        }
        if (uniformOnly) {
            return build(pr, best);
        }
        long bestCost = cost(pr, best);
        boolean improved = true;
        int tried = 0;
        search:
        while (improved) {
            improved = false;
            for (Design move : moves(best, n, products)) {
                if (++tried > MAX_DESIGNS) {
                    break search;   // high degrees: the descent is cut short (the design is still certified)
                }
                if (!(designedError(pr, move) <= eps)) {
                    continue;
                }
                Construction built = build(pr, move);
                long c = built.network().parameterCount(Network.Count.ALL);
                if (c < bestCost) {
                    bestCost = c;
                    best = move;
                    improved = true;
                }
            }
        }
        Construction result = build(pr, best);
        return tried > MAX_DESIGNS ? new Construction(result.network(), result.errorBudget(), result.description()
                + "; the search for levels stopped after " + MAX_DESIGNS + " designs (a high degree)", result.predictedPieces()) : result;
    }

    /** The most designs the coordinate descent tries (degree 3 needs under 200; degree 32 would need 10⁵). */
    static final int MAX_DESIGNS = 3000;

    private static long cost(Problem pr, Design d) {
        return build(pr, d).network().parameterCount(Network.Count.ALL);
    }

    private static List<Design> moves(Design d, int n, int products) {
        List<Design> out = new ArrayList<>();
        int[] l = d.levels();
        for (int i = 0; i < n; i++) {
            for (int delta = -3; delta <= -1; delta++) {
                add(out, d, l, i, delta, -1, 0);
            }
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    add(out, d, l, i, 1, j, -1);
                    add(out, d, l, i, 1, j, -2);
                    add(out, d, l, i, 2, j, -3);
                }
            }
        }
        for (int p = 0; p < products; p++) {
            for (int step : new int[] {-1, 1}) {
                int li = d.lambdaIndex()[p] + step;
                if (li >= 0 && li < LAMBDAS.length) {
                    int[] lam = d.lambdaIndex().clone();
                    lam[p] = li;
                    out.add(d.with(l.clone(), lam));
                }
            }
        }
        return out;
    }

    private static void add(List<Design> out, Design d, int[] l, int i, int di, int j, int dj) {
        int[] nl = l.clone();
        nl[i] += di;
        if (j >= 0) {
            nl[j] += dj;
        }
        for (int v : nl) {
            if (v < 1 || v > SawtoothSquare.MAX_LEVELS) {
                return;
            }
        }
        out.add(d.with(nl, d.lambdaIndex().clone()));
    }
}
