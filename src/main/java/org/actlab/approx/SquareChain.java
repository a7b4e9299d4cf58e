package org.actlab.approx;

import java.util.List;

import org.actlab.network.Circuit;
import org.actlab.network.Circuit.Affine;
import org.actlab.network.Circuit.Node;

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
    private Node u1;
    private Node u2;
    private Affine levelOneT;

    SquareChain(double lo, double wf, int levels, double factor) {
        this.lo = lo;
        this.wf = wf;
        this.levels = levels;
        this.factor = factor;
    }

    /** Level-1 neurons σ(t), σ(t − ½) with {@code t = (z − lo)/wf ∈ [0, 1]}, in the current layer. */
    void start(Circuit plan, Affine z) {
        Affine t = z.plus(-lo).times(1 / wf);
        Sawtooth.Teeth teeth = Sawtooth.teeth(plan, t);
        u1 = teeth.up();
        u2 = teeth.down();
        levelOneT = Affine.term(1, u1);
        level = 1;
    }

    /**
     * Level-1 neurons for a signed argument z ∈ [−wf, wf] of a chain with {@code lo = 0}: the chain
     * works on {@code t = |z|/wf = σ(z/wf) + σ(−z/wf)}, and {@code σ(t − ½) = σ(z/wf − ½) + σ(−z/wf − ½)}
     * (at most one of each pair is nonzero). Four neurons instead of two; later levels as usual.
     */
    void startSigned(Circuit plan, Affine z) {
        if (lo != 0) {
            throw new IllegalStateException("a signed chain squares |z| on a frame starting at 0");
        }
        Affine t = z.times(1 / wf);
        Node p = plan.relu(t);
        Node n = plan.relu(t.times(-1));
        Node q = plan.relu(t.plus(-0.5));
        Node r = plan.relu(t.times(-1).plus(-0.5));
        levelOneT = Affine.term(1, p).plus(Affine.term(1, n));
        signedTooth = Affine.term(2, p).plus(Affine.term(2, n)).plus(Affine.term(-4, q)).plus(Affine.term(-4, r));
        u1 = null;
        level = 1;
    }

    /** {@code t = (z − lo)/wf} as a form over the level-1 layer (after a start). */
    Affine levelOneT() {
        return levelOneT;
    }

    /** g_1 for a signed start (two pairs of neurons), or null for a plain one. */
    private Affine signedTooth;

    /** {@code factor·[(wf² + 2·lo·wf)·t + lo² − wf²·g_1/4]} over the level-1 layer. */
    Affine levelOneContribution() {
        Affine linear = levelOneT.times((wf * wf + 2 * lo * wf) * factor).plus(lo * lo * factor);
        return linear.plus(tooth().times(-factor * wf * wf / 4));
    }

    /** g_s = 2u1 − 4u2 over the current level's layer. */
    private Affine tooth() {
        if (level == 1 && signedTooth != null) {
            return signedTooth;
        }
        return new Sawtooth.Teeth(u1, u2).tooth();
    }

    boolean active() {
        return level < levels;
    }

    /** Adds the next level's neurons; returns its contribution −factor·wf²·g_s/4^s. */
    Affine nextLevel(Circuit plan) {
        Sawtooth.Teeth teeth = Sawtooth.teeth(plan, tooth());
        u1 = teeth.up();
        u2 = teeth.down();
        level++;
        return tooth().times(-factor * wf * wf * Math.scalb(1.0, -2 * level));
    }

    /** The square errs in [0, wf²·2^(−2m−2)] (before the factor). */
    double maxError() {
        return wf * wf * SawtoothSquare.error(levels, false);
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
    record Block(Affine output, Affine v) {
    }

    /**
     * Runs the chains of a block to their last level, one layer per level, with the merged
     * accumulator {@code σ(pending + K)} and, if {@code carry}, a neuron carrying v (≥ 0).
     */
    static Block advance(Circuit plan, List<SquareChain> chains, Affine pending, double k, Affine v, boolean carry) {
        Affine vAffine = v;
        while (chains.stream().anyMatch(SquareChain::active)) {
            Affine next = Sawtooth.carry(plan, pending, k);
            for (SquareChain ch : chains) {
                if (ch.active()) {
                    next = next.plus(ch.nextLevel(plan));
                }
            }
            if (carry) {
                vAffine = Affine.term(1, plan.relu(vAffine));
            }
            pending = next;
        }
        return new Block(pending, vAffine);
    }
}
