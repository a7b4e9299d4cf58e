package org.actlab.gpu.api;

/**
 * The worst disagreement of one quantity between the ND4J form and the scalar Java reference, in
 * units of the term size (the sum of the absolute values of the terms the formula adds, where
 * rounding differences between two evaluations of one expression live).
 *
 * @param quantity what was compared ("f", "f'", "df/dalpha_p", …)
 * @param worst    max |nd4j − reference| / term size over the points
 * @param at       the x where the worst occurs (NaN for summed parameter gradients)
 * @param nd4j     the ND4J value there
 * @param expected the reference value there
 */
public record Difference(String quantity, double worst, double at, double nd4j, double expected) {
}
