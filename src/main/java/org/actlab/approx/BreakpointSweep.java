package org.actlab.approx;

import org.actlab.network.Network;
import org.actlab.polynomial.Interval;
import org.actlab.polynomial.Target;

/**
 * Finds every breakpoint of a one-input ReLU network on an interval with the network's exact values
 * there: the first half of certification (the second, {@link PieceMaxima}, bounds the error on each
 * linear piece between them). Two ways: {@link LayerPassSweep}, layer by layer for any depth, and
 * {@link ShallowSweep}, a sort of the kinks for one hidden layer.
 */
interface BreakpointSweep {
    /**
     * The grid of breakpoints with exact output values (a point where the target's pieces meet
     * included), each unit's largest |value| on the interval, and the method in words.
     */
    Breakpoints sweep(Network net, ExactEvaluator ev, Target target, Interval on);

    /** The largest number of linear pieces swept, to bound time and memory (about 340 bytes per piece, so 1.4–1.6 GB at the limit). */
    int MAX_POINTS = 1 << 22;

    /**
     * The result of a sweep.
     *
     * @param grid   breakpoints in increasing order with the exact output pre-activations there
     * @param maxAbs per layer and unit, a bound of the unit's largest |value| on the interval
     * @param method how the breakpoints were found, in words
     */
    record Breakpoints(Grid grid, double[][] maxAbs, String method) {
    }
}
