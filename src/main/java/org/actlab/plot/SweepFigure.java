package org.actlab.plot;

import java.util.ArrayList;
import java.util.List;

import org.actlab.approx.Sweep;
import org.actlab.approx.SweepPoint;
import org.jfree.chart.JFreeChart;

/** Parameters against certified error for every method of a sweep, with Lemma 2's bound shape. */
public final class SweepFigure {
    private SweepFigure() {
    }

    /**
     * A log-log chart: one series per method (in the given order, so a method keeps its colour), the
     * {@code extra} series (reference counts, for instance), and Lemma 2's shape {@code c·ln²(1/ε)}
     * through the deep method's last point ({@link Sweep#boundShape}: the plot samples it, it computes nothing).
     */
    public static JFreeChart chart(String title, List<SweepPoint> points, List<String> methods, List<Series> extra) {
        List<Series> out = new ArrayList<>();
        for (String m : methods) {
            List<SweepPoint> pts = points.stream().filter(p -> p.method().equals(m)).toList();
            if (pts.isEmpty()) {
                continue;
            }
            out.add(new Series(m, pts.stream().mapToDouble(SweepPoint::certifiedError).toArray(),
                    pts.stream().mapToDouble(p -> (double) p.parameters()).toArray(), false));
        }
        out.addAll(extra);
        Sweep.BoundShape shape = methods.contains("deep") ? Sweep.boundShape(points, "deep") : null;
        if (shape != null) {
            // the curve sampled at 40 errors spaced evenly in log between the sweep's extremes
            int n = 40;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.exp(Math.log(shape.toError()) + (Math.log(shape.fromError()) - Math.log(shape.toError())) * i / (n - 1));
                y[i] = shape.parametersAt(x[i]);
            }
            out.add(new Series("Lemma 2 shape c·ln²(1/ε), through deep's last point", x, y, true, Theme.PALETTE[7]));
        }
        return Figures.logLog(title, "certified sup error", "parameters (all weights and biases)", out);
    }
}
