package org.actlab.training;

/**
 * The network a task trains, with the activation in its hidden units.
 */
public sealed interface Architecture {
    /**
     * A multilayer perceptron: {@code depth} hidden layers of {@code width} units, each followed by the
     * activation, then a linear output; squared error.
     */
    record Mlp(int depth, int width) implements Architecture {
    }

    /**
     * One transformer block on a context of {@code context} characters: embedding of width {@code model} plus a
     * learned position embedding, single-head scaled dot-product self-attention with a residual, a feed-forward
     * sublayer model → {@code width} → model carrying the activation with a residual, and the next character
     * predicted from the last position (cross-entropy in nats). The target lies outside the context, so no causal
     * mask is needed.
     */
    record Transformer(int context, int model, int width) implements Architecture {
    }

    /** The reference hidden width (what a plain activation such as ReLU uses). */
    int width();
}
