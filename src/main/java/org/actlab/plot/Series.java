package org.actlab.plot;

/**
 * One named curve.
 *
 * @param name   the legend entry
 * @param x      abscissae
 * @param y      ordinates
 * @param dashed whether it is a reference curve (dashed, no markers) rather than data
 */
public record Series(String name, double[] x, double[] y, boolean dashed) {
}
