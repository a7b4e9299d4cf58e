package org.actlab.plot;

import java.util.ArrayList;
import java.util.List;

import org.actlab.approx.SweepPoint;
import org.jfree.chart.JFreeChart;

/** Parameters against certified error for every method of a sweep, with Lemma 2's bound shape. */
public final class SweepFigure {
    private SweepFigure() {
    }

    /**
     * A log-log chart: one series per method (in the given order, so a method keeps its colour), the
     * {@code extra} series (reference counts, for instance), and Lemma 2's shape {@code c·ln²(1/ε)}
     * through the deep method's last point.
     */
    public static JFreeChart chart(String title, List<SweepPoint> points, List<String> methods, List<Series> extra) {
        List<Series> out = new ArrayList<>();
        SweepPoint anchor = null;
        for (String m : methods) {
            List<SweepPoint> pts = points.stream().filter(p -> p.method().equals(m)).toList();
            if (pts.isEmpty()) {
                continue;
            }
            out.add(new Series(m, pts.stream().mapToDouble(SweepPoint::certifiedError).toArray(),
                    pts.stream().mapToDouble(p -> (double) p.parameters()).toArray(), false));
            if (m.equals("deep")) {
                anchor = pts.get(pts.size() - 1);
            }
        }
        out.addAll(extra);
        if (anchor != null) {
            double lnAnchor = Math.log(1 / anchor.certifiedError());
            double c = anchor.parameters() / (lnAnchor * lnAnchor);
            double lo = points.stream().mapToDouble(SweepPoint::certifiedError).min().orElseThrow();
            double hi = points.stream().mapToDouble(SweepPoint::certifiedError).max().orElseThrow();
            int n = 40;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.exp(Math.log(hi) + (Math.log(lo) - Math.log(hi)) * i / (n - 1));
                double l = Math.log(1 / x[i]);
                y[i] = c * l * l;
            }
            out.add(new Series("Lemma 2 shape c·ln²(1/ε), through deep's last point", x, y, true, Theme.PALETTE[7]));
        }
        return Figures.logLog(title, "certified sup error", "parameters (all weights and biases)", out);
    }
}
