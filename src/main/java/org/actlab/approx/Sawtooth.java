package org.actlab.approx;

import org.actlab.network.Circuit;
import org.actlab.network.Circuit.Affine;
import org.actlab.network.Circuit.Node;

/**
 * The sawtooth gadget that every square construction of actlab is made of (the width-3 square
 * {@link SawtoothSquare}, the chains of {@link SquareChain} for powers, products and PolyReLU, and the
 * Sobolev products): for an argument g ∈ [0, 1], the two units {@code σ(g)} and {@code σ(g − ½)}, and
 * the next tooth {@code g′ = 2σ(g) − 4σ(g − ½)}, the tent map. m levels interpolate t² with the error
 * {@link SawtoothSquare#error} {@code 2^(−2m−2)}. The running sum {@code t − Σ_{j≤s} g_j/4^j} is
 * carried from layer to layer by {@link #carry}; what the constructions choose is only the offset that
 * keeps it non-negative and where the frame's scale is applied (in units of the frame for
 * {@link SawtoothSquare} and the Sobolev products, scaled inside a chain for {@link SquareChain}, whose
 * chains of one block share the accumulator).
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

    /**
     * One accumulator unit: {@code σ(pending + k) − k}, equal to {@code pending} wherever
     * {@code pending ≥ −k} (the caller's offset k makes that hold on the whole frame), as a form over the
     * layer of the unit; the next level's contribution is added to it before it is carried again.
     */
    public static Affine carry(Circuit c, Affine pending, double k) {
        return Affine.term(1, c.relu(pending.plus(k))).plus(-k);
    }

    /** The units {@code σ(g)}, {@code σ(g − ½)} of the tooth g, made in that order. */
    public static Teeth teeth(Circuit c, Affine g) {
        return new Teeth(c.relu(g), c.relu(g.plus(-0.5)));
    }
}
