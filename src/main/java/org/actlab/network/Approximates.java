package org.actlab.network;

import org.actlab.polynomial.Target;

/**
 * What a saved network approximates, on which interval or box, and to what certified error or bound:
 * the {@code "approximates"} object that {@code approx --save}, {@code convert} and {@code sobolev --save}
 * add to {@code actlab-network/1} JSON (a ten-line evaluator ignores it; {@code validate} holds the
 * network to it). Every kind records the SHA-256 of the network as written ({@link NetworkJson#digest}),
 * so a file whose layers were changed after saving is recognised.
 */
public sealed interface Approximates {
    /** The JSON tag of the kind. */
    String kind();

    /** The command that made the network ({@code actlab approx --method deep}). */
    String madeBy();

    /**
     * A one-input network for a piecewise-polynomial target on [a, b], with its certificate.
     *
     * @param float64Bound the certified error plus a forward bound on float64 rounding (any summation order)
     */
    /**
     * The interval or box side [lo, hi] on which the network approximates its target (the box is [lo, hi]^d):
     * the interval of a one-input target, [−h, h] of a product, [0, 1] of a Sobolev function, the conversion's box.
     */
    default double[] box() {
        if (this instanceof OneInput o) {
            return new double[] {o.a(), o.b()};
        }
        if (this instanceof Product p) {
            return new double[] {-p.halfWidth(), p.halfWidth()};
        }
        if (this instanceof Sobolev) {
            return new double[] {0, 1};
        }
        OfNetwork n = (OfNetwork) this;
        return new double[] {n.lo(), n.hi()};
    }

    record OneInput(Target target, double a, double b, double certifiedError, boolean exact, double float64Bound,
                    String certification, String madeBy) implements Approximates {
        @Override
        public String kind() {
            return "target";
        }
    }

    /** xy on [−B, B]² (Lemma 2 / the product gadget), with the construction's bound. */
    record Product(double halfWidth, double bound, String madeBy) implements Approximates {
        @Override
        public String kind() {
            return "product";
        }
    }

    /**
     * A Sobolev function on [0, 1]^d (Theorem 2's local Taylor networks), with the construction's bound.
     *
     * @param function   the built-in name, or {@code expr}
     * @param expression the expression for {@code expr} (through the whitelist parser when read back), else null
     */
    record Sobolev(String function, String expression, int d, int n, double eps, String network, double bound,
                   String madeBy) implements Approximates {
        @Override
        public String kind() {
            return "sobolev";
        }
    }

    /**
     * Another network (stored inline) on the box [lo, hi]^d: Theorem 2's ReLU network for a PolyReLU one
     * (within {@code bound}), or Theorem 1's exact conversion ({@code bound} 0).
     */
    record OfNetwork(Network source, double lo, double hi, double bound, boolean exact, String madeBy) implements Approximates {
        @Override
        public String kind() {
            return "network";
        }
    }
}
