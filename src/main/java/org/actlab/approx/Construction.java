package org.actlab.approx;

import org.actlab.network.Network;

/**
 * What every construction returns: the network, the error it was designed to (its budget, a
 * rigorous bound of {@code sup |target − network|} from the construction's own arithmetic, before any
 * certification), and the construction in words, including how its size came about (levels, knots,
 * chains).
 *
 * @param network     the network
 * @param errorBudget the designed error bound
 * @param description the construction and its size, in words
 */
public record Construction(Network network, double errorBudget, String description) {
}
