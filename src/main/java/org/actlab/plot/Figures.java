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
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, Theme.PALETTE[i % Theme.PALETTE.length]);
            renderer.setSeriesStroke(i, series.get(i).dashed() ? Theme.DASHED : Theme.LINE);
            renderer.setSeriesShapesVisible(i, !series.get(i).dashed());
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(Theme.GRID);
        plot.setRangeGridlinePaint(Theme.GRID);
        JFreeChart chart = new JFreeChart(title, Theme.TITLE, plot, true);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        chart.setAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(Theme.LEGEND);
        legend.setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    private static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setLabelFont(Theme.LABEL);
        axis.setTickLabelFont(Theme.TICK);
        axis.setTickUnit(new NumberTickUnit(1.0), false, false);
        axis.setAutoTickUnitSelection(false);
        axis.setMinorTickMarksVisible(true);
        return axis;
    }

    /** Writes {@code base.png} (twice the theme size) and {@code base.svg}. */
    public static void write(JFreeChart chart, Path base) {
        int w = Theme.WIDTH;
        int h = Theme.HEIGHT;
        BufferedImage image = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(2, 2);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
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
        chart.draw(svg, new Rectangle2D.Double(0, 0, w, h));
        AtomicFiles.write(base.resolveSibling(base.getFileName() + ".svg"),
                svg.getSVGDocument().getBytes(StandardCharsets.UTF_8));
    }
}
