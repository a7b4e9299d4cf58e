package org.actlab.approx;

import org.actlab.network.Network;
import org.actlab.polynomial.Target;

/**
 * A constructed network for a target on an interval, with its certificate.
 *
 * @param method      how it was built ({@code textbook}, {@code deep}, {@code shallow})
 * @param target      the target
 * @param a           interval start
 * @param b           interval end
 * @param eps         the requested error
 * @param network     the network
 * @param certificate its certified error
 * @param description the construction in words (levels, frame, knots)
 */
public record Approximation(String method, Target target, double a, double b, double eps, Network network,
                            Certificate certificate, String description) {
}
