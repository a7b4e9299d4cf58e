package org.actlab.gpu.api;

/**
 * Throughput of one activation: the scalar Java path and the ND4J graph, measured while validating.
 *
 * @param name            the activation
 * @param javaPerSecond   points per second of the Java catalogue (f and f′; a vector activation's value
 *                        and Jacobian, per feature), one thread
 * @param nd4jPerSecond   points per second of the ND4J graph (f, f′ and every ∂f/∂θ per point, one
 *                        forward and backward pass), on the backend
 */
public record PointRates(String name, double javaPerSecond, double nd4jPerSecond) {
}
