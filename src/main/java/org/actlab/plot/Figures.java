package org.actlab.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.actlab.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** Builds themed charts and writes them as PNG (2× scale) and SVG, atomically and deterministically. */
public final class Figures {
    private Figures() {
    }

    /** A log-log chart of the given series (every value must be positive). */
    public static JFreeChart logLog(String title, String xLabel, String yLabel, List<Series> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                if (s.x()[i] > 0 && s.y()[i] > 0) {
                    xy.add(s.x()[i], s.y()[i]);
                }
            }
            data.addSeries(xy);
        }
        LogAxis x = logAxis(xLabel);
        LogAxis y = logAxis(yLabel);
        fixDegenerateRange(x, data, true);
        fixDegenerateRange(y, data, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, series.get(i).color() != null ? series.get(i).color() : Theme.PALETTE[i % Theme.PALETTE.length]);
            renderer.setSeriesStroke(i, series.get(i).dashed() ? Theme.DASHED : Theme.LINE);
            renderer.setSeriesShapesVisible(i, !series.get(i).dashed());
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return themed(title, plot);
    }

    /**
     * A log axis whose data hold a single value (one point, or points on one line) gets the decade
     * around it: JFreeChart's automatic range would be empty there and refuse to draw.
     */
    private static void fixDegenerateRange(LogAxis axis, XYSeriesCollection data, boolean horizontal) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double v = horizontal ? data.getXValue(s, i) : data.getYValue(s, i);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo <= hi && !(hi > lo * (1 + 1e-9))) {
            axis.setAutoRange(false);
            axis.setRange(lo / Math.sqrt(10), hi * Math.sqrt(10));
        }
    }

    private static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setLabelFont(Theme.LABEL);
        axis.setTickLabelFont(Theme.TICK);
        axis.setTickUnit(new NumberTickUnit(1.0), false, false);
        axis.setAutoTickUnitSelection(false);
        axis.setMinorTickMarksVisible(true);
        // the default minimum range (1e-8, meant for linear axes) would push a log axis whose values
        // all lie below 1e-8 to negative bounds, and nothing would be drawn
        axis.setAutoRangeMinimumSize(Double.MIN_NORMAL);
        return axis;
    }

    /**
     * A chart with linear axes; series with NaN values break their line there (used to show where a
     * formula does not apply).
     */
    public static JFreeChart lines(String title, String xLabel, String yLabel, List<Series> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                xy.add(s.x()[i], Double.isFinite(s.y()[i]) ? s.y()[i] : null);
            }
            data.addSeries(xy);
        }
        NumberAxis x = numberAxis(xLabel);
        NumberAxis y = numberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, series.get(i).color() != null ? series.get(i).color() : Theme.PALETTE[i % Theme.PALETTE.length]);
            renderer.setSeriesStroke(i, series.get(i).dashed() ? Theme.DASHED : Theme.LINE);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return themed(title, plot);
    }

    /** Shades {@code [from, to]} of the x axis, with a label, and draws the axes through 0. */
    public static void shadeX(JFreeChart chart, double from, double to, String label) {
        XYPlot plot = chart.getXYPlot();
        IntervalMarker m = new IntervalMarker(from, to, Theme.SHADE);
        m.setLabel(label);
        m.setLabelFont(Theme.TICK);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(6, 6, 6, 6));
        plot.addDomainMarker(m, Layer.BACKGROUND);
    }

    /** Thin lines through x = 0 and y = 0. */
    public static void zeroLines(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        plot.addDomainMarker(new ValueMarker(0, Theme.ZERO, Theme.THIN), Layer.BACKGROUND);
        plot.addRangeMarker(new ValueMarker(0, Theme.ZERO, Theme.THIN), Layer.BACKGROUND);
    }

    /** Fixes the y range. */
    public static void yRange(JFreeChart chart, double lo, double hi) {
        chart.getXYPlot().getRangeAxis().setRange(lo, hi);
    }

    private static NumberAxis numberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(Theme.LABEL);
        axis.setTickLabelFont(Theme.TICK);
        return axis;
    }

    static JFreeChart themed(String title, XYPlot plot) {
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(Theme.GRID);
        plot.setRangeGridlinePaint(Theme.GRID);
        JFreeChart chart = new JFreeChart(title, Theme.TITLE, plot, true);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        chart.setAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(Theme.LEGEND);
        legend.setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    /** Writes {@code base.png} (twice the theme size) and {@code base.svg}. */
    public static void write(JFreeChart chart, Path base) {
        write(List.of(chart), 1, Theme.WIDTH, Theme.HEIGHT, base);
    }

    /**
     * Writes several charts as one figure, {@code columns} per row, each {@code panelWidth × panelHeight}
     * points: {@code base.png} at twice that scale and {@code base.svg}.
     */
    public static void write(List<JFreeChart> charts, int columns, int panelWidth, int panelHeight, Path base) {
        int rows = (charts.size() + columns - 1) / columns;
        int w = columns * panelWidth;
        int h = rows * panelHeight;
        BufferedImage image = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 2 * w, 2 * h);
        g.scale(2, 2);
        draw(charts, columns, panelWidth, panelHeight, g);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed", e);
        }
        AtomicFiles.write(base.resolveSibling(base.getFileName() + ".png"), png.toByteArray());
        SVGGraphics2D svg = new SVGGraphics2D(w, h);
        // JFreeSVG prefixes clip-path ids with System.nanoTime() by default; a fixed prefix from the
        // file name keeps the output byte-for-byte reproducible (and unique per figure in one page)
        svg.setDefsKeyPrefix(base.getFileName().toString().replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        draw(charts, columns, panelWidth, panelHeight, svg);
        AtomicFiles.write(base.resolveSibling(base.getFileName() + ".svg"),
                svg.getSVGDocument().getBytes(StandardCharsets.UTF_8));
    }

    private static void draw(List<JFreeChart> charts, int columns, int pw, int ph, Graphics2D g) {
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle2D.Double((i % columns) * pw, (i / columns) * ph, pw, ph));
        }
    }
}
