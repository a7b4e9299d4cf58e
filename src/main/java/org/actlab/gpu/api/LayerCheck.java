package org.actlab.gpu.api;

/**
 * One DL4J check of a trainable activation layer.
 *
 * @param layer  the activation the layer carries
 * @param check  which check ("DL4J GradientCheckUtil", "SameDiff GradCheckUtil (input gradient)",
 *               "JSON round trip", "training")
 * @param passed whether it passed
 * @param detail numbers (worst relative error, parameters, losses before and after)
 */
public record LayerCheck(String layer, String check, boolean passed, String detail) {
}
