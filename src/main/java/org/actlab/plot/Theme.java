package org.actlab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * The one look of every actlab figure: DejaVu Sans, white background, light grid, and the
 * Okabe–Ito palette (distinguishable with the common colour-vision deficiencies), used in a fixed
 * order so a method keeps its colour across figures.
 */
public final class Theme {
    /** Okabe–Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black. */
    public static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000),
    };
    public static final Font TITLE = new Font("DejaVu Sans", Font.BOLD, 16);
    public static final Font LABEL = new Font("DejaVu Sans", Font.PLAIN, 13);
    public static final Font TICK = new Font("DejaVu Sans", Font.PLAIN, 11);
    public static final Font LEGEND = new Font("DejaVu Sans", Font.PLAIN, 12);
    public static final Color GRID = new Color(0xDDDDDD);
    /** Axis lines through 0. */
    public static final Color ZERO = new Color(0x888888);
    /** Shaded regions (translucent vermillion). */
    public static final Color SHADE = new Color(0xD5, 0x5E, 0x00, 0x26);
    public static final BasicStroke THIN = new BasicStroke(0.8f);
    public static final BasicStroke LINE = new BasicStroke(2.0f);
    public static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    /** Figure size in points (PNG is written at twice this). */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 520;

    private Theme() {
    }
}
