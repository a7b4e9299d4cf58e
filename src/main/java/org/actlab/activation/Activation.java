package org.actlab.activation;

/**
 * An activation function of the catalogue with its parameter values fixed: a named, documented
 * value. Scalar activations are {@link ScalarActivation}s, activations over a feature vector
 * (PolyNorm, SwiGLU) are {@link VectorActivation}s.
 */
public interface Activation {
    /** The catalogue name ({@code xielu}, {@code polyrelu}). */
    String name();

    /** The formula this instance computes, in plain Unicode mathematics. */
    String formula();

    /** The resolved parameter values. */
    ParameterValues parameters();
}
