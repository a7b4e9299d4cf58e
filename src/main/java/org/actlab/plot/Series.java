package org.actlab.plot;

import java.awt.Color;

/**
 * One named curve.
 *
 * @param name   the legend entry
 * @param x      abscissae
 * @param y      ordinates (NaN breaks a line chart's curve)
 * @param dashed whether it is a reference curve (dashed, no markers) rather than data
 * @param color  its colour, or null for the palette colour of its position
 */
public record Series(String name, double[] x, double[] y, boolean dashed, Color color) {
    /** A curve in the palette colour of its position. */
    public Series(String name, double[] x, double[] y, boolean dashed) {
        this(name, x, y, dashed, null);
    }
}
