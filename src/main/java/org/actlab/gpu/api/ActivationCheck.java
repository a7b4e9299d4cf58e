package org.actlab.gpu.api;

import java.util.List;

/**
 * An activation's ND4J (SameDiff) form held to the scalar Java catalogue (or, for a derived
 * activation, to its gradient g and closed form evaluated independently) on many points.
 *
 * @param name            the activation
 * @param parameters      its parameter values, as text
 * @param points          how many points
 * @param distribution    how the points were drawn (seeded)
 * @param differences     f, f′ and each trainable parameter's gradient, point by point
 * @param tolerance       the largest allowed difference, in units of the term size
 * @param knownDifference a documented difference of the reference semantics (or null)
 * @param throughput      points per second of the scalar Java path and of the ND4J graph
 * @param passed          whether every difference is within the tolerance
 */
public record ActivationCheck(String name, String parameters, long points, String distribution, List<Difference> differences,
                              double tolerance, String knownDifference, PointRates throughput, boolean passed) {
}
