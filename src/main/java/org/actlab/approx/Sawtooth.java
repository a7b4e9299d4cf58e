package org.actlab.approx;

import org.actlab.network.Circuit;
import org.actlab.network.Circuit.Affine;
import org.actlab.network.Circuit.Node;

/**
 * The sawtooth gadget that every square construction of actlab is made of (the width-3 square
 * {@link SawtoothSquare}, the chains of {@link SquareChain} for powers, products and PolyReLU, and the
 * Sobolev products): for an argument g ∈ [0, 1], the two units {@code σ(g)} and {@code σ(g − ½)}, and
 * the next tooth {@code g′ = 2σ(g) − 4σ(g − ½)}, the tent map. m levels interpolate t² with the error
 * {@link SawtoothSquare#error} {@code 2^(−2m−2)}; what differs between the constructions is only how
 * they accumulate {@code −Σ g_s/4^s} (in units of the frame, in a shared accumulator with an offset,
 * or through one ReLU per level).
 */
public final class Sawtooth {
    private Sawtooth() {
    }

    /**
     * The two units of one level.
     *
     * @param up   {@code σ(g)}
     * @param down {@code σ(g − ½)}
     */
    public record Teeth(Node up, Node down) {
        /** The next tooth {@code 2σ(g) − 4σ(g − ½)}. */
        public Affine tooth() {
            return Affine.term(2, up).plus(Affine.term(-4, down));
        }
    }

    /** The units {@code σ(g)}, {@code σ(g − ½)} of the tooth g, made in that order. */
    public static Teeth teeth(Circuit c, Affine g) {
        return new Teeth(c.relu(g), c.relu(g.plus(-0.5)));
    }
}
