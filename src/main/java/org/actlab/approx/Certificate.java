package org.actlab.approx;

import org.actlab.polynomial.Target;

/**
 * A certified sup error of a one-input network against a target on an interval.
 *
 * @param target          the target
 * @param a               interval start
 * @param b               interval end
 * @param certifiedError  a rigorous upper bound of {@code sup |target − net|} on {@code [a, b]}
 *                        (equal to it where every piece's maximum is computed exactly)
 * @param argmax          where the certified maximum is attained (or bounded)
 * @param sampledError    the exact {@code |target − net|} at the samples with the largest float64
 *                        error (never above {@code certifiedError})
 * @param float64SampledError {@code max |target − net|} over all samples evaluated in float64; it may
 *                        exceed the exact values by the rounding of a float64 evaluation
 * @param samples         number of sample points (a non-dyadic grid)
 * @param pieces          linear pieces of the network on {@code [a, b]}
 * @param microIntervals  pieces one ulp wide that contain a kink at a point no double represents;
 *                        bounded through local slope intervals
 * @param rationalPoints  points whose exact evaluation needed rational arithmetic
 * @param exact           whether the certified error is the exact supremum (no remainder terms)
 * @param method          how it was certified, in words
 * @param float64Bound    a rigorous bound of {@code |T(x) − net(x)|} when both are evaluated in IEEE
 *                        double (any summation order, with or without FMA): {@code certifiedError} plus
 *                        a forward bound on the rounding of the network's layers (Higham's γ_n per dot
 *                        product, from the certified maxima of every unit on the interval) and of the
 *                        target's polynomial; every float64 sample lies below it
 */
public record Certificate(Target target, double a, double b, double certifiedError, double argmax,
                          double sampledError, double float64SampledError,
                          int samples, long pieces, long microIntervals, long rationalPoints, boolean exact, String method,
                          double float64Bound) {
}
