package org.actlab.approx;

import java.util.List;

import org.actlab.approx.LayerPlan.Form;

/**
 * One sawtooth square chain inside a network under construction: it approximates
 * {@code factor·z²} for z in its frame {@code [lo, lo + wf]} with {@code levels} sawtooth levels,
 * erring one-sidedly in {@code factor·[0, wf²·2^(−2m−2)]}. Level s holds the neurons
 * {@code u1 = σ(g_{s−1})}, {@code u2 = σ(g_{s−1} − ½)} and contributes {@code −factor·wf²·g_s/4^s} to
 * the accumulator, {@code g_s = 2u1 − 4u2}. Chains of one block share an accumulator
 * ({@link #advance}).
 */
final class SquareChain {
    final double lo;
    final double wf;
    final int levels;
    final double factor;
    private int level;
    private int u1;
    private int u2;
    private Form levelOneT;

    SquareChain(double lo, double wf, int levels, double factor) {
        this.lo = lo;
        this.wf = wf;
        this.levels = levels;
        this.factor = factor;
    }

    /** Level-1 neurons σ(t), σ(t − ½) with {@code t = (z − lo)/wf ∈ [0, 1]}, in the current layer. */
    void start(LayerPlan plan, Form z) {
        Form t = z.plus(-lo).times(1 / wf);
        u1 = plan.neuron(t);
        u2 = plan.neuron(t.plus(-0.5));
        levelOneT = Form.neuron(u1, 1);
        level = 1;
    }

    /**
     * Level-1 neurons for a signed argument z ∈ [−wf, wf] of a chain with {@code lo = 0}: the chain
     * works on {@code t = |z|/wf = σ(z/wf) + σ(−z/wf)}, and {@code σ(t − ½) = σ(z/wf − ½) + σ(−z/wf − ½)}
     * (at most one of each pair is nonzero). Four neurons instead of two; later levels as usual.
     */
    void startSigned(LayerPlan plan, Form z) {
        if (lo != 0) {
            throw new IllegalStateException("a signed chain squares |z| on a frame starting at 0");
        }
        Form t = z.times(1 / wf);
        int p = plan.neuron(t);
        int n = plan.neuron(t.times(-1));
        int q = plan.neuron(t.plus(-0.5));
        int r = plan.neuron(t.times(-1).plus(-0.5));
        levelOneT = Form.neuron(p, 1).plus(Form.neuron(n, 1));
        signedTooth = Form.neuron(p, 2).plus(Form.neuron(n, 2)).plus(Form.neuron(q, -4)).plus(Form.neuron(r, -4));
        u1 = -1;
        level = 1;
    }

    /** {@code t = (z − lo)/wf} as a form over the level-1 layer (after a start). */
    Form levelOneT() {
        return levelOneT;
    }

    /** g_1 for a signed start (two pairs of neurons), or null for a plain one. */
    private Form signedTooth;

    /** {@code factor·[(wf² + 2·lo·wf)·t + lo² − wf²·g_1/4]} over the level-1 layer. */
    Form levelOneContribution() {
        Form linear = levelOneT.times((wf * wf + 2 * lo * wf) * factor).plus(lo * lo * factor);
        return linear.plus(tooth().times(-factor * wf * wf / 4));
    }

    /** g_s = 2u1 − 4u2 over the current level's layer. */
    private Form tooth() {
        if (level == 1 && signedTooth != null) {
            return signedTooth;
        }
        return Form.neuron(u1, 2).plus(Form.neuron(u2, -4));
    }

    boolean active() {
        return level < levels;
    }

    /** Adds the next level's neurons; returns its contribution −factor·wf²·g_s/4^s. */
    Form nextLevel(LayerPlan plan) {
        Form g = tooth();
        u1 = plan.neuron(g);
        u2 = plan.neuron(g.plus(-0.5));
        level++;
        return tooth().times(-factor * wf * wf * Math.scalb(1.0, -2 * level));
    }

    /** The square errs in [0, wf²·2^(−2m−2)] (before the factor). */
    double maxError() {
        return wf * wf * Math.scalb(1.0, -2 * levels - 2);
    }

    /** A power of two above every value the accumulator can take, so it stays non-negative. */
    static double offset(double base, List<SquareChain> chains) {
        double bound = base;
        for (SquareChain ch : chains) {
            double top = Math.abs(ch.lo) + ch.wf;
            bound += Math.abs(ch.factor) * (top * top + ch.wf * ch.wf / 4 + 2 * Math.abs(ch.lo) * ch.wf);
        }
        return Math.scalb(1.0, Math.getExponent(bound + 1) + 1);
    }

    /** The end of a block: its output and the carried value, as forms over its last layer. */
    record Block(Form output, Form v) {
    }

    /**
     * Runs the chains of a block to their last level, one layer per level, with the merged
     * accumulator {@code σ(pending + K)} and, if {@code carry}, a neuron carrying v (≥ 0).
     */
    static Block advance(LayerPlan plan, List<SquareChain> chains, Form pending, double k, Form v, boolean carry) {
        Form vForm = v;
        while (chains.stream().anyMatch(SquareChain::active)) {
            plan.newLayer();
            Form next = Form.neuron(plan.neuron(pending.plus(k)), 1).plus(-k);
            for (SquareChain ch : chains) {
                if (ch.active()) {
                    next = next.plus(ch.nextLevel(plan));
                }
            }
            if (carry) {
                vForm = Form.neuron(plan.neuron(vForm), 1);
            }
            pending = next;
        }
        return new Block(pending, vForm);
    }
}
