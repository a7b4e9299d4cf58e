package org.actlab.approx;

import org.actlab.network.Network;

/**
 * What every construction returns: the network, the error it was designed to (its budget, a
 * rigorous bound of {@code sup |target − network|} from the construction's own arithmetic, before any
 * certification), and the construction in words, including how its size came about (levels, knots,
 * chains).
 *
 * @param network         the network
 * @param errorBudget     the designed error bound
 * @param description     the construction and its size, in words
 * @param predictedPieces the linear pieces the certifier will meet, predicted from the construction before any
 *                        certification (−1 where the construction does not predict them)
 */
public record Construction(Network network, double errorBudget, String description, long predictedPieces) {
    /** A construction that does not predict its piece count. */
    public Construction(Network network, double errorBudget, String description) {
        this(network, errorBudget, description, -1);
    }
}
