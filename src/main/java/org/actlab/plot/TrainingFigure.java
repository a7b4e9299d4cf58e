package org.actlab.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.actlab.training.TrainingComparison;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Validation-loss curves of {@code actlab train}, one panel per task: the mean over seeds per activation, with a band
 * of ± one standard deviation. Drawn from the comparison records alone.
 */
public final class TrainingFigure {
    private TrainingFigure() {
    }

    /** Writes {@code base.png} and {@code base.svg}. */
    public static void write(List<TrainingComparison> comparisons, Path base) {
        List<JFreeChart> charts = new ArrayList<>();
        for (TrainingComparison c : comparisons) {
            charts.add(chart(c));
        }
        int columns = Math.min(2, charts.size());
        Figures.write(charts, columns, Theme.WIDTH * 3 / 4, Theme.HEIGHT * 3 / 4, base);
    }

    /** One task's panel: validation loss against Adam steps, mean ± sd over seeds per activation. */
    public static JFreeChart chart(TrainingComparison c) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        List<TrainingComparison.Row> rows = c.rows();
        for (int i = 0; i < rows.size(); i++) {
            TrainingComparison.Row r = rows.get(i);
            YIntervalSeries s = new YIntervalSeries(r.setup().activation() + " (" + r.setup().parameters() + ")", false, true);
            for (int k = 0; k < r.steps().length; k++) {
                double m = r.curveMean()[k];
                if (Double.isFinite(m) && m > 0) {
                    double sd = Double.isFinite(r.curveSd()[k]) ? r.curveSd()[k] : 0;
                    // the band's lower edge stays above 0 on the log axis
                    s.add(r.steps()[k], m, Math.max(m - sd, m / 10), m + sd);
                }
            }
            data.addSeries(s);
            java.awt.Color color = Theme.PALETTE[i % Theme.PALETTE.length];
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesFillPaint(i, color);
            renderer.setSeriesStroke(i, Theme.LINE);
        }
        renderer.setAlpha(0.15f);
        NumberAxis x = new NumberAxis("Adam steps");
        x.setLabelFont(Theme.LABEL);
        x.setTickLabelFont(Theme.TICK);
        LogAxis y = new LogAxis(c.language() ? "validation loss (nats per character)" : "validation MSE (standardised)");
        y.setLabelFont(Theme.LABEL);
        y.setTickLabelFont(Theme.TICK);
        y.setSmallestValue(1e-6);
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return Figures.themed(c.task() + ": mean ± sd over " + rows.get(0).seeds() + " seeds", plot);
    }
}
